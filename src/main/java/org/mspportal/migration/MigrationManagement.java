package org.mspportal.migration;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.mspportal.customers.Customer;
import org.mspportal.customers.CustomerManagement;
import org.mspportal.customers.RegisterMigratedCustomer;
import org.mspportal.identity.AccountStatus;
import org.mspportal.identity.Administrator;
import org.mspportal.identity.AdministratorManagement;
import org.mspportal.identity.MspAdministratorContacts;
import org.mspportal.identity.Role;
import org.mspportal.plans.CreateServicePlan;
import org.mspportal.plans.Edition;
import org.mspportal.plans.ServicePlan;
import org.mspportal.plans.UsageReportFrequency;
import org.mspportal.plans.ServicePlanManagement;
import org.mspportal.providers.Provider;
import org.mspportal.providers.ProviderManagement;
import org.mspportal.shared.LinkToken;
import org.mspportal.shared.NotFound;
import org.mspportal.shared.PortalPrincipal;
import org.mspportal.shared.ProviderScope;
import org.mspportal.shared.RejectedInput;
import org.mspportal.shared.StaleVersion;
import org.mspportal.shared.StoredTime;
import org.mspportal.usage.SubmittedUsage;
import org.mspportal.usage.UsageIngestion;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Migrations of source accounts into MSPs, stage by stage (SPEC §5). The platform operator raises,
 * re-issues tokens, finalises and cancels, and sees every MSP's migrations; an MSP's administrators
 * see only their own (another MSP's is not found), its MSP administrators nominate and verify; the
 * customer's cloud administrator approves or declines through the emailed link, signed in as nobody.
 *
 * <p>Every move locks the migration's row first and checks the stage under the lock, so two
 * requests racing to move one migration take turns and the second is refused with
 * {@link IllegalTransition}. Every move is kept in the history, audited and published as
 * {@link MigrationStageChanged}, in the transaction that made it, with its emails.
 */
@Service
public class MigrationManagement {

    static final String READERS = "hasRole('OPERATOR') or hasRole('MSP_ADMINISTRATOR') "
            + "or hasRole('READ_ONLY_ADMINISTRATOR') or hasAuthority('SCOPE_read')";
    /** The MSP's own readers: its administrators and its API keys with the read scope. */
    private static final String MSP_READERS = "hasRole('MSP_ADMINISTRATOR') or hasRole('READ_ONLY_ADMINISTRATOR') "
            + "or hasAuthority('SCOPE_read')";
    /** The MSP's moves: its MSP administrators and its API keys with the write scope. */
    private static final String MSP_WRITERS = "hasRole('MSP_ADMINISTRATOR') or hasAuthority('SCOPE_write')";
    /** Usage ingestion takes batches of at most this many records. */
    private static final int USAGE_BATCH = 10_000;

    private final Migrations migrations;
    private final SourceAccounts accounts;
    private final ProviderManagement providers;
    private final MspAdministratorContacts contacts;
    private final AdministratorManagement administrators;
    private final ServicePlanManagement plans;
    private final CustomerManagement customers;
    private final UsageIngestion ingestion;
    private final MigrationMails mails;
    private final MigrationSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MigrationManagement(Migrations migrations, SourceAccounts accounts, ProviderManagement providers,
            MspAdministratorContacts contacts, AdministratorManagement administrators, ServicePlanManagement plans,
            CustomerManagement customers, UsageIngestion ingestion, MigrationMails mails, MigrationSettings settings,
            ApplicationEventPublisher events, Clock clock) {
        this.migrations = migrations;
        this.accounts = accounts;
        this.providers = providers;
        this.contacts = contacts;
        this.administrators = administrators;
        this.plans = plans;
        this.customers = customers;
        this.ingestion = ingestion;
        this.mails = mails;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Raises a migration of the source account into the MSP, after the pre-checks of seed 004, each
     * refused with its own message: the account exists, its cloud administrator's email is valid, it
     * is not suspended, not being migrated and not migrated already; the MSP is active and has an
     * active MSP administrator to email.
     */
    @Transactional
    @PreAuthorize("hasRole('OPERATOR')")
    public Migration raise(UUID sourceAccountId, UUID providerId) {
        SourceAccount account = Optional.ofNullable(sourceAccountId).flatMap(accounts::find)
                .orElseThrow(() -> new RejectedInput("sourceAccountId", "Choose a registered source account."));
        if (!EmailAddress.valid(account.cloudAdministratorEmail())) {
            throw new RejectedInput("sourceAccountId", "The cloud administrator email of \"" + account.name()
                    + "\", \"" + account.cloudAdministratorEmail() + "\", is not a valid email address; "
                    + "correct it before migrating the account.");
        }
        if (account.status() == SourceAccountStatus.SUSPENDED) {
            throw new RejectedInput("sourceAccountId", "\"" + account.name() + "\" is suspended, and a suspended "
                    + "account cannot be migrated. Reactivate it first.");
        }
        migrations.openFor(account.id()).ifPresent(open -> {
            throw alreadyMigrating(account, open);
        });
        migrations.completedFor(account.id()).ifPresent(done -> {
            throw new RejectedInput("sourceAccountId", "\"" + account.name() + "\" was already migrated to "
                    + done.providerName() + " (" + done.reference() + ").");
        });
        Provider provider = Optional.ofNullable(providerId).flatMap(providers::find)
                .orElseThrow(() -> new RejectedInput("providerId", "Choose an MSP."));
        if (!provider.active()) {
            throw new RejectedInput("providerId", provider.name() + " is suspended; migrate customers only into an "
                    + "active MSP.");
        }
        List<String> recipients = validAddresses(contacts.activeAdministratorEmails(provider.id()));
        if (recipients.isEmpty()) {
            throw new RejectedInput("providerId", provider.name() + " has no active MSP administrator with a valid "
                    + "email address to ask; it needs one before it can take customers.");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        try {
            migrations.add(id, account.id(), provider.id(), actor(), now);
        } catch (DuplicateKeyException anotherOperatorWasFirst) {
            // PostgreSQL refuses every statement after a failed one in a transaction, so nothing more is read.
            throw new RejectedInput("sourceAccountId", "\"" + account.name() + "\" is already being migrated: "
                    + "another operator raised its migration a moment ago.");
        }
        Migration migration = migrations.find(id).orElseThrow();
        recorded(migration, null, Stage.ACTION_REQUIRED, actor(), false, "Raised for " + provider.name());
        mails.actionRequired(migration, recipients);
        return migration;
    }

    /**
     * Newest first, at any of {@code stages} (every stage when empty), with {@code search} (any
     * case) in the account's or MSP's name or starting like the reference: the caller's MSP's, or
     * every MSP's for the operator.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public Page<Migration> list(Set<Stage> stages, String search, Pageable page) {
        Optional<UUID> scope = ProviderScope.current().providerId();
        return new PageImpl<>(migrations.page(scope, stages, search, (int) page.getOffset(), page.getPageSize()),
                page, migrations.count(scope, stages, search));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public Migration get(UUID id) {
        return visible(id);
    }

    /**
     * Every step so far, oldest first. A write key may read it too: the API answers a move with the
     * migration as the move left it, as every write of the API answers with what it wrote.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS + " or hasAuthority('SCOPE_write')")
    public List<MigrationHistoryEntry> history(UUID id) {
        return migrations.history(visible(id).id());
    }

    /** The cloud administrator's email as the operator registered it, to prefill the MSP's nomination. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public String sourceCloudAdministratorEmail(UUID id) {
        return accounts.find(visible(id).sourceAccountId()).map(SourceAccount::cloudAdministratorEmail).orElse("");
    }

    /** Who may handle the migration: the MSP's active MSP administrators. */
    @Transactional(readOnly = true)
    @PreAuthorize(MSP_READERS)
    public List<Administrator> handlers(UUID id) {
        visible(id);
        return administrators.list().stream()
                .filter(admin -> admin.role() == Role.MSP_ADMINISTRATOR && admin.status() == AccountStatus.ACTIVE)
                .toList();
    }

    /** The MSP's active plans, those covering the licence first. */
    @Transactional(readOnly = true)
    @PreAuthorize(MSP_READERS)
    public List<PlanChoice> planChoices(UUID id) {
        Licence licence = visible(id).licence();
        return plans.list(false).stream()
                .map(plan -> new PlanChoice(plan, licence.compatibleWith(plan.edition(), plan.workloads())))
                .sorted(Comparator.comparing((PlanChoice choice) -> !choice.compatible()))
                .toList();
    }

    /**
     * A plan made from the licence, for an MSP with no compatible one: the hybrid tenant's edition
     * (Business without one), every licensed workload, monthly usage reports.
     */
    @Transactional
    @PreAuthorize(MSP_WRITERS)
    public ServicePlan createPlanFromLicence(UUID id, String name) {
        Licence licence = visible(id).licence();
        return plans.create(new CreateServicePlan(name, licence.hybridTenant().map(Licence.HybridTenant::edition)
                .orElse(Edition.BUSINESS), UsageReportFrequency.MONTHLY, licence.workloads()));
    }

    /**
     * Action required → customer approval: the MSP names the customer's cloud administrator (who
     * gets the approval link) and the MSP administrator who handles the migration.
     */
    @Transactional
    @PreAuthorize(MSP_WRITERS)
    public Migration nominate(UUID id, Nomination nomination) {
        Migration migration = locked(id);
        migration.stage().movedTo(Stage.CUSTOMER_APPROVAL);
        String cloudAdministrator = EmailAddress.checked("cloudAdministratorEmail",
                nomination.cloudAdministratorEmail());
        Administrator handler = handlers(id).stream()
                .filter(admin -> admin.id().equals(nomination.handlerAccountId())).findFirst()
                .orElseThrow(() -> new RejectedInput("handlerAccountId", "Choose one of your active MSP "
                        + "administrators to handle the migration."));
        UUID prepared = nomination.preparedPlanId() == null ? null
                : requireAssignable("preparedPlanId", nomination.preparedPlanId()).id();
        String token = LinkToken.random();
        Migration moved = move(migration, Stage.CUSTOMER_APPROVAL, Migrations.columns(
                "cloud_administrator_email", cloudAdministrator, "handler_account_id", handler.id(),
                "handler_email", handler.email(), "prepared_plan_id", prepared,
                "approval_token_hash", LinkToken.fingerprint(token)),
                actor(), false, "Cloud administrator " + cloudAdministrator + ", handled by " + handler.email());
        mails.approvalRequested(moved, token);
        mails.handlerNominated(moved);
        return moved;
    }

    /** What the approval link shows; empty when the link is unknown, used, or the request moved on. */
    @Transactional(readOnly = true)
    public Optional<ApprovalRequest> approval(String token) {
        return byApprovalToken(token).map(migration -> new ApprovalRequest(migration.reference(),
                migration.accountName(), migration.licence(), migration.providerName(),
                migration.cloudAdministratorEmail()));
    }

    /**
     * Customer approval → MSP verification, from the approval page's POST. The link works once;
     * the handler is emailed a verification token.
     *
     * @throws NotFound when the link is unknown or already used
     */
    @Transactional
    public Migration approve(String token) {
        Migration migration = lockedByApprovalToken(token);
        migration.stage().movedTo(Stage.MSP_VERIFICATION);
        String verificationToken = LinkToken.random();
        Instant expiresAt = clock.instant().plus(settings.verificationTokenValidity());
        Migration moved = move(migration, Stage.MSP_VERIFICATION, Migrations.columns("approval_token_hash", null,
                "verification_token_hash", LinkToken.fingerprint(verificationToken),
                "verification_token_expires_at", StoredTime.of(expiresAt)),
                migration.cloudAdministratorEmail(), true, "Approved by the customer's cloud administrator");
        mails.verificationToken(moved, verificationToken, expiresAt, false);
        return moved;
    }

    /** Customer approval → declined, from the approval page's POST: the request ends. */
    @Transactional
    public Migration decline(String token) {
        Migration migration = lockedByApprovalToken(token);
        migration.stage().movedTo(Stage.DECLINED);
        Migration moved = move(migration, Stage.DECLINED, Migrations.columns("approval_token_hash", null),
                migration.cloudAdministratorEmail(), true, "Declined by the customer's cloud administrator");
        Set<String> recipients = new LinkedHashSet<>(validAddresses(
                contacts.activeAdministratorEmails(moved.providerId())));
        recipients.add(moved.raisedBy());
        mails.declined(moved, recipients);
        return moved;
    }

    /**
     * MSP verification → finalising (hybrid workloads) or completed (SaaS apps & endpoints only).
     * The handler proves the emailed token and picks a plan that covers the licence; the customer is
     * created in the MSP, locked, with its licence dates and past usage. Workflow 2 unlocks it at once.
     */
    @Transactional
    @PreAuthorize(MSP_WRITERS)
    public Migration verify(UUID id, Verification verification) {
        Migration migration = locked(id);
        Stage next = migration.licence().needsFinalising() ? Stage.FINALISING : Stage.COMPLETED;
        migration.stage().movedTo(next);
        if (!migration.handlerAccountId().equals(currentAccountId())) {
            throw new AccessDeniedException("Only " + migration.handlerEmail() + ", who handles this migration, can "
                    + "verify it.");
        }
        requireToken(migration, verification.token());
        ServicePlan plan = requireAssignable("servicePlanId", verification.servicePlanId());
        if (!migration.licence().compatibleWith(plan.edition(), plan.workloads())) {
            throw new RejectedInput("servicePlanId", "The plan \"" + plan.name() + "\" does not cover the licence: "
                    + "choose a plan marked compatible, or create one from the licence.");
        }
        LocalDate today = LocalDate.now(clock);
        MigratedLicence licence = MigratedLicence.of(migration.licence(), today);
        LocalDate quotaEnds = licence.customerExpiresOn().isAfter(today) ? licence.customerExpiresOn()
                : today.plusYears(1);
        Customer customer = customers.registerMigrated(new RegisterMigratedCustomer(migration.accountName(),
                plan.id(), verification.storageRegion(), verification.creditQuota(), today, quotaEnds,
                licence.customerExpiresOn(), migration.reference()));
        carryOverUsage(migration.sourceAccountId(), customer.id(), today);
        if (next == Stage.COMPLETED) {
            customers.completeMigration(customer.id(), licence.customerExpiresOn());
        }
        Migration moved = move(migration, next, Migrations.columns("verification_token_hash", null,
                "selected_plan_id", plan.id(), "customer_id", customer.id()), actor(), false,
                next == Stage.COMPLETED ? "Verified on plan \"" + plan.name() + "\"; SaaS apps & endpoints only, so "
                        + "completed at once" : "Verified on plan \"" + plan.name() + "\"; waiting for the operator "
                        + "to finalise the hybrid workloads");
        if (next == Stage.COMPLETED) {
            mails.completed(moved);
        } else {
            mails.readyToFinalise(moved);
        }
        return moved;
    }

    /** A new verification token for the handler; any earlier one stops working. Only the operator may. */
    @Transactional
    @PreAuthorize("hasRole('OPERATOR')")
    public Migration reissueVerificationToken(UUID id) {
        Migration migration = locked(id);
        if (migration.stage() != Stage.MSP_VERIFICATION) {
            throw new IllegalTransition(migration.stage(), Stage.MSP_VERIFICATION);
        }
        String token = LinkToken.random();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.verificationTokenValidity());
        if (!migrations.change(migration, now, Migrations.columns("verification_token_hash",
                LinkToken.fingerprint(token), "verification_token_expires_at", StoredTime.of(expiresAt)))) {
            throw new StaleVersion("migration");
        }
        migrations.record(id, new MigrationHistoryEntry(Stage.MSP_VERIFICATION, Stage.MSP_VERIFICATION, actor(), now,
                "Verification token re-issued; the earlier one no longer works"));
        Migration changed = migrations.find(id).orElseThrow();
        events.publishEvent(new MigrationTokenReissued(changed.id(), changed.reference(), changed.providerId(),
                changed.accountName()));
        mails.verificationToken(changed, token, expiresAt, true);
        return changed;
    }

    /** Finalising → completed (workflow 1): the customer is unlocked with its licence as of today. */
    @Transactional
    @PreAuthorize("hasRole('OPERATOR')")
    public Migration finalise(UUID id) {
        Migration migration = locked(id);
        migration.stage().movedTo(Stage.COMPLETED);
        MigratedLicence licence = MigratedLicence.of(migration.licence(), LocalDate.now(clock));
        customers.completeMigration(migration.customerId(), licence.customerExpiresOn());
        Migration moved = move(migration, Stage.COMPLETED, Map.of(), actor(), false, "Finalised by the operator");
        mails.completed(moved);
        return moved;
    }

    /** An open migration before its customer exists ends here; the MSP's administrators are told. */
    @Transactional
    @PreAuthorize("hasRole('OPERATOR')")
    public Migration cancel(UUID id, String reason) {
        Migration migration = locked(id);
        migration.stage().movedTo(Stage.CANCELLED);
        String note = reason == null || reason.isBlank() ? "Cancelled by the operator" : reason.strip();
        if (note.length() > 500) {
            throw new RejectedInput("reason", "Use at most 500 characters.");
        }
        Migration moved = move(migration, Stage.CANCELLED, Migrations.columns("approval_token_hash", null,
                "verification_token_hash", null), actor(), false, note);
        mails.cancelled(moved, validAddresses(contacts.activeAdministratorEmails(moved.providerId())));
        return moved;
    }

    private void requireToken(Migration migration, String token) {
        String presented = token == null ? "" : token.strip();
        if (presented.isEmpty()) {
            throw new RejectedInput("token", "Enter the verification token from the email.");
        }
        Optional<String> stored = migrations.verificationFingerprint(migration.id());
        if (presented.length() > LinkToken.MAX_LENGTH || stored.isEmpty()
                || !java.security.MessageDigest.isEqual(stored.get().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        LinkToken.fingerprint(presented).getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            throw new RejectedInput("token", "This is not the verification token of this migration. Copy it from "
                    + "the latest email about " + migration.reference() + ".");
        }
        if (!clock.instant().isBefore(migration.verificationTokenExpiresAt())) {
            throw new RejectedInput("token", "This verification token expired on "
                    + MigrationMails.WHEN.format(migration.verificationTokenExpiresAt())
                    + ". Ask the platform operator to issue a new one.");
        }
    }

    /**
     * The account's past usage, as the customer's, through usage's ingestion, so reports show it at
     * once. Ingestion takes the last two years only; older days belong to closed reports and stay behind.
     */
    private void carryOverUsage(UUID sourceAccountId, UUID customerId, LocalDate today) {
        LocalDate oldest = today.minusYears(2);
        List<SubmittedUsage> records = new ArrayList<>();
        for (PastUsage day : accounts.usageOf(sourceAccountId)) {
            if (!day.date().isBefore(oldest) && !day.date().isAfter(today)) {
                records.add(new SubmittedUsage(customerId.toString(), day.workload().name(), day.date().toString(),
                        day.storedBytes() == null ? null : BigDecimal.valueOf(day.storedBytes()), day.credits()));
            }
        }
        for (int from = 0; from < records.size(); from += USAGE_BATCH) {
            ingestion.ingest(records.subList(from, Math.min(records.size(), from + USAGE_BATCH)));
        }
    }

    private Migration move(Migration migration, Stage to, Map<String, Object> columns, String actor,
            boolean unauthenticated, String note) {
        if (!migrations.move(migration, to, clock.instant(), columns)) {
            throw new StaleVersion("migration");
        }
        Migration moved = migrations.find(migration.id()).orElseThrow();
        recorded(moved, migration.stage(), to, actor, unauthenticated, note);
        return moved;
    }

    private void recorded(Migration migration, Stage from, Stage to, String actor, boolean unauthenticated,
            String note) {
        Instant now = clock.instant();
        migrations.record(migration.id(), new MigrationHistoryEntry(from, to, actor, now, note));
        events.publishEvent(new MigrationStageChanged(migration.id(), migration.reference(), migration.providerId(),
                migration.sourceAccountId(), migration.accountName(), from, to, actor, unauthenticated, now, note));
    }

    private ServicePlan requireAssignable(String field, UUID planId) {
        try {
            return plans.requireAssignable(planId);
        } catch (RejectedInput refused) {
            throw new RejectedInput(field, refused.getMessage());
        }
    }

    /** The migration, if the caller may see it: operators every one, an MSP its own; otherwise not found. */
    private Migration visible(UUID id) {
        ProviderScope scope = ProviderScope.current();
        return Optional.ofNullable(id).flatMap(migrations::find)
                .filter(migration -> scope.includes(migration.providerId()))
                .orElseThrow(() -> new NotFound("migration"));
    }

    /** The migration locked for a move, if the caller may see it. */
    private Migration locked(UUID id) {
        visible(id);
        return migrations.lock(id).orElseThrow(() -> new NotFound("migration"));
    }

    private Optional<Migration> byApprovalToken(String token) {
        if (token == null || token.isBlank() || token.length() > LinkToken.MAX_LENGTH) {
            return Optional.empty();
        }
        return migrations.findByApprovalToken(LinkToken.fingerprint(token.strip()));
    }

    private Migration lockedByApprovalToken(String token) {
        if (token == null || token.isBlank() || token.length() > LinkToken.MAX_LENGTH) {
            throw new NotFound("migration");
        }
        return migrations.lockByApprovalToken(LinkToken.fingerprint(token.strip()))
                .orElseThrow(() -> new NotFound("migration"));
    }

    private static List<String> validAddresses(List<String> addresses) {
        return addresses.stream().filter(EmailAddress::valid).toList();
    }

    private static RejectedInput alreadyMigrating(SourceAccount account, Migration open) {
        return new RejectedInput("sourceAccountId", "\"" + account.name() + "\" is already being migrated to "
                + open.providerName() + " (" + open.reference() + ", " + open.stage().label() + ").");
    }

    private static String actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return "system";
        }
        return authentication.getPrincipal() instanceof PortalPrincipal principal ? principal.email()
                : authentication.getName();
    }

    private static UUID currentAccountId() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof PortalPrincipal principal
                ? principal.accountId() : null;
    }
}
