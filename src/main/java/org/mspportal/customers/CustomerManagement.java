package org.mspportal.customers;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.mspportal.plans.Edition;
import org.mspportal.plans.ServicePlan;
import org.mspportal.plans.ServicePlanManagement;
import org.mspportal.shared.NotFound;
import org.mspportal.shared.PortalPrincipal;
import org.mspportal.shared.ProviderScope;
import org.mspportal.shared.RejectedInput;
import org.mspportal.shared.StaleVersion;
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
 * The caller's MSP's customers: adding, finding, editing them, suspending and resuming, moving
 * them between plans and through their evaluation (SPEC §3). Any administrator of the MSP reads
 * them; only MSP administrators (and API keys with the write scope) change them. A tenant
 * administrator reaches only the customers assigned to them (others are not found), and may edit
 * their account details and suspend or resume them, but not add customers or change what the MSP
 * sells them: plan, tenancy, quota, licence or region.
 * Every change is audited with the customer's values before and after.
 */
@Service
public class CustomerManagement {

    static final String WRITERS = "hasRole('MSP_ADMINISTRATOR') or hasAuthority('SCOPE_write')";
    /** Also tenant administrators, whom {@link #visible} limits to their assigned customers. */
    private static final String DETAIL_WRITERS = WRITERS + " or hasRole('TENANT_ADMINISTRATOR')";
    private static final int MAX_ORGANIZATION_LENGTH = 200;
    private static final int MAX_ADDRESS_LENGTH = 500;
    private static final int MAX_PHONE_LENGTH = 30;
    /** Digits with the punctuation people write phone numbers with; an optional leading +. */
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]+");

    private final Customers customers;
    private final CustomerAdministrators administrators;
    private final ServicePlanManagement plans;
    private final OfferedRegions regions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerManagement(Customers customers, CustomerAdministrators administrators, ServicePlanManagement plans,
            OfferedRegions regions, ApplicationEventPublisher events, Clock clock) {
        this.customers = customers;
        this.administrators = administrators;
        this.plans = plans;
        this.regions = regions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Adds a customer on one of the MSP's active plans: a 30-day evaluation from today unless the
     * command says commercial. Every value is checked before anything is stored.
     */
    @Transactional
    @PreAuthorize(WRITERS)
    public Customer register(RegisterCustomer command) {
        UUID provider = ownProvider();
        AccountName name = new AccountName(command.accountName());
        String organization = optionalText("organizationName", command.organizationName(), MAX_ORGANIZATION_LENGTH);
        String address = optionalText("address", command.address(), MAX_ADDRESS_LENGTH);
        String phone = phoneNumber(command.phoneNumber());
        Tenancy tenancy = Tenancy.chosenFor(command.tenantType(), today());
        StorageRegion region = regions.chosen(provider, command.storageRegion());
        CreditQuota quota = new CreditQuota(command.creditQuota(), command.quotaEffectiveDate(), command.quotaEndDate());
        LicenceExpiry licence = new LicenceExpiry(command.licenseExpiryDate());
        UUID plan = plans.requireAssignable(command.servicePlanId()).id();
        refuseTakenName(provider, name, Optional.empty());
        Customers.Stored customer = new Customers.Stored(UUID.randomUUID(), provider, name, organization, address,
                phone, plan, tenancy, region.id(), quota, licence, CustomerStatus.ACTIVE, clock.instant(), 0);
        try {
            customers.add(customer);
        } catch (DuplicateKeyException race) {
            // Someone added the same name between the check and the insert.
            throw nameTaken(name);
        }
        events.publishEvent(CustomerChanged.registered(customer));
        return customer.shown();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Customer get(UUID id) {
        return visible(id).shown();
    }

    /** The reference of the migration moving the customer, for the pages to name it; empty once it completed. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Optional<String> migrationMoving(UUID id) {
        return migrationMoving(visible(id));
    }

    private Optional<String> migrationMoving(Customers.Stored customer) {
        return customer.status().allowsChanges() ? Optional.empty() : customers.migrationReference(customer.id());
    }

    /** A page of the MSP's customers matching every filter given, with how many match in all. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Page<Customer> search(CustomerQuery query, Pageable pageable) {
        if (query.expiringWithinDays() != null && query.expiringWithinDays() < 0) {
            throw new RejectedInput("expiringWithinDays", "Enter a number of days from 0 up.");
        }
        Customers.Found found = customers.search(ownProvider(), AssignedCustomersScope.current().accountId(), query,
                plansOf(query.edition()), today(), pageable.getOffset(), pageable.getPageSize());
        return new PageImpl<>(found.page().stream().map(Customers.Stored::shown).toList(), pageable, found.total());
    }

    /** The storage regions the caller's MSP offers its customers, in the order the deployment lists them. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<StorageRegion> storageRegions() {
        return regions.of(ownProvider()).all();
    }

    /** The ids of the MSP's plans of that edition, archived ones included; empty for "any edition". */
    private Optional<Set<UUID>> plansOf(Edition edition) {
        if (edition == null) {
            return Optional.empty();
        }
        return Optional.of(plans.list(true).stream().filter(plan -> plan.edition() == edition)
                .map(ServicePlan::id).collect(Collectors.toSet()));
    }

    /** The customer's moves between plans, oldest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<PlanChange> planHistory(UUID id) {
        return planHistory(visible(id));
    }

    /** What the customer's page shows, from one read of the customer. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public CustomerDetails details(UUID id) {
        Customers.Stored customer = visible(id);
        return new CustomerDetails(customer.shown(), planHistory(customer), migrationMoving(customer).orElse(null));
    }

    private List<PlanChange> planHistory(Customers.Stored customer) {
        return customers.planHistory(customer.id()).stream()
                .map(change -> new PlanChange(change.fromPlanId(), change.toPlanId(), change.changedAt(),
                        change.changedBy()))
                .toList();
    }

    /**
     * Changes the customer's details as read at {@code command.version()}.
     *
     * @throws StaleVersion when someone changed the customer since
     */
    @Transactional
    @PreAuthorize(DETAIL_WRITERS)
    public Customer update(UUID id, UpdateCustomer command) {
        Customers.Stored before = visible(id);
        requireChangesAllowed(before);
        AccountName name = new AccountName(command.accountName());
        Customers.Stored after = new Customers.Stored(before.id(), before.providerId(), name,
                optionalText("organizationName", command.organizationName(), MAX_ORGANIZATION_LENGTH),
                optionalText("address", command.address(), MAX_ADDRESS_LENGTH),
                phoneNumber(command.phoneNumber()), before.planId(),
                before.tenancy().changedTo(command.tenantType()),
                regions.keptOrChosen(before.providerId(), before.storageRegion(), command.storageRegion()),
                sandboxQuotaKept(before, new CreditQuota(command.creditQuota(), command.quotaEffectiveDate(),
                        command.quotaEndDate())),
                new LicenceExpiry(command.licenseExpiryDate()), before.status(), before.createdAt(),
                command.version());
        refuseTakenName(before.providerId(), name, Optional.of(id));
        if (AssignedCustomersScope.current().restricted()) {
            keepCommercialTerms(before, after);
        }
        return saved("updated", "Changed customer", before, after);
    }

    /**
     * What the MSP sells (tenancy, quota, licence, region) is for MSP administrators to change; a
     * tenant administrator edits the rest, and editing must not be a way round that.
     */
    private static void keepCommercialTerms(Customers.Stored before, Customers.Stored after) {
        boolean changed = before.tenancy().type() != after.tenancy().type()
                || !before.storageRegion().equals(after.storageRegion())
                || before.quota().credits().compareTo(after.quota().credits()) != 0
                || !before.quota().effectiveOn().equals(after.quota().effectiveOn())
                || !before.quota().endsOn().equals(after.quota().endsOn())
                || !before.licenceExpiry().equals(after.licenceExpiry());
        if (changed) {
            throw new AccessDeniedException("Only MSP administrators can change a customer's tenant type, storage "
                    + "region, credit quota or licence.");
        }
    }

    /** Switches the customer off, reversibly. */
    @Transactional
    @PreAuthorize(DETAIL_WRITERS)
    public Customer suspend(UUID id) {
        Customers.Stored before = visible(id);
        requireChangesAllowed(before);
        return saved("suspended", "Suspended customer", before, before.withStatus(before.status().suspended()));
    }

    @Transactional
    @PreAuthorize(DETAIL_WRITERS)
    public Customer resume(UUID id) {
        Customers.Stored before = visible(id);
        requireChangesAllowed(before);
        return saved("resumed", "Resumed customer", before, before.withStatus(before.status().resumed()));
    }

    /** Moves the customer, as read at {@code version}, to another of the MSP's active plans, and keeps the move. */
    @Transactional
    @PreAuthorize(WRITERS)
    public Customer changePlan(UUID id, UUID planId, int version) {
        Customers.Stored before = visible(id);
        requireChangesAllowed(before);
        UUID plan = plans.requireAssignable(planId).id();
        if (plan.equals(before.planId())) {
            return before.shown();
        }
        Customer changed = saved("plan-changed", "Changed the service plan of customer", before,
                atVersion(before.withPlan(plan), version));
        customers.recordPlanChange(id, new Customers.PlanChange(before.planId(), plan, clock.instant(), actor()));
        return changed;
    }

    /** Gives an evaluation its one extension of 30 days. */
    @Transactional
    @PreAuthorize(WRITERS)
    public Customer extendEvaluation(UUID id) {
        Customers.Stored before = visible(id);
        requireChangesAllowed(before);
        return saved("evaluation-extended", "Extended the evaluation of customer", before,
                before.withTenancy(before.tenancy().extended()));
    }

    /** Makes an evaluation commercial, at any time, even after it expired. */
    @Transactional
    @PreAuthorize(WRITERS)
    public Customer convertToCommercial(UUID id) {
        Customers.Stored before = visible(id);
        requireChangesAllowed(before);
        return saved("converted-to-commercial", "Converted to commercial customer", before,
                before.withTenancy(before.tenancy().convertedToCommercial()));
    }

    /**
     * Adds a customer brought in by a migration (SPEC §5): commercial, on one of the MSP's active plans,
     * and locked (status migration in progress) until {@link #completeMigration} unlocks it; edits are
     * refused meanwhile with a message naming {@code command.migrationReference()}, usage is not.
     */
    @Transactional
    @PreAuthorize(WRITERS)
    public Customer registerMigrated(RegisterMigratedCustomer command) {
        UUID provider = ownProvider();
        AccountName name = new AccountName(command.accountName());
        StorageRegion region = regions.chosen(provider, command.storageRegion());
        CreditQuota quota = new CreditQuota(command.creditQuota(), command.quotaEffectiveDate(), command.quotaEndDate());
        LicenceExpiry licence = new LicenceExpiry(command.licenseExpiryDate());
        UUID plan = plans.requireAssignable(command.servicePlanId()).id();
        refuseTakenName(provider, name, Optional.empty());
        Customers.Stored customer = new Customers.Stored(UUID.randomUUID(), provider, name, null, null, null, plan,
                Tenancy.commercial(), region.id(), quota, licence, CustomerStatus.ACTIVE.lockedForMigration(),
                clock.instant(), 0);
        try {
            customers.add(customer);
        } catch (DuplicateKeyException race) {
            throw nameTaken(name);
        }
        customers.markMigrating(customer.id(), command.migrationReference());
        events.publishEvent(CustomerChanged.registered(customer));
        return customer.shown();
    }

    /**
     * Unlocks a migrated customer and gives it its licence expiry as of the completion day. The
     * platform operator finalises hybrid migrations, so operators reach every MSP's customer here.
     */
    @Transactional
    @PreAuthorize("hasRole('OPERATOR') or " + WRITERS)
    public Customer completeMigration(UUID id, LocalDate licenseExpiryDate) {
        ProviderScope scope = ProviderScope.current();
        Customers.Stored before = Optional.ofNullable(id).flatMap(customers::find)
                .filter(customer -> scope.includes(customer.providerId()))
                .orElseThrow(() -> new NotFound("customer"));
        Customers.Stored after = new Customers.Stored(before.id(), before.providerId(), before.name(),
                before.organizationName(), before.address(), before.phoneNumber(), before.planId(), before.tenancy(),
                before.storageRegion(), before.quota(), new LicenceExpiry(licenseExpiryDate),
                before.status().unlockedAfterMigration(), before.createdAt(), before.version());
        if (!customers.update(after)) {
            throw new StaleVersion("customer");
        }
        Customers.Stored stored = customers.find(id).orElseThrow();
        events.publishEvent(CustomerChanged.changed("migration-completed", "Completed the migration of customer",
                before, stored));
        return stored.shown();
    }

    /** Refuses an edit while a migration moves the customer, naming the migration. */
    private void requireChangesAllowed(Customers.Stored customer) {
        customer.status().requireChangesAllowed(() -> customers.migrationReference(customer.id()),
                "it cannot be changed until the migration completes. Its usage is still recorded.");
    }

    /** Stores {@code after} if the customer is still at its version, audits the change, and returns it as stored. */
    private Customer saved(String verb, String summary, Customers.Stored before, Customers.Stored after) {
        boolean written;
        try {
            written = customers.update(after);
        } catch (DuplicateKeyException race) {
            throw nameTaken(after.name());
        }
        if (!written) {
            throw new StaleVersion("customer");
        }
        Customers.Stored stored = visible(after.id());
        events.publishEvent(CustomerChanged.changed(verb, summary, before, stored));
        return stored.shown();
    }

    private static Customers.Stored atVersion(Customers.Stored customer, int version) {
        return new Customers.Stored(customer.id(), customer.providerId(), customer.name(), customer.organizationName(),
                customer.address(), customer.phoneNumber(), customer.planId(), customer.tenancy(),
                customer.storageRegion(), customer.quota(), customer.licenceExpiry(), customer.status(),
                customer.createdAt(), version);
    }

    private void refuseTakenName(UUID provider, AccountName name, Optional<UUID> except) {
        if (customers.nameTaken(provider, name, except)) {
            throw nameTaken(name);
        }
    }

    /**
     * The sandbox's amount of credits is the small one the portal gave it and stays so; its dates
     * may move, so an MSP can keep its sandbox running past the first year.
     */
    private static CreditQuota sandboxQuotaKept(Customers.Stored before, CreditQuota quota) {
        if (before.tenancy().type() == TenantType.SANDBOX && quota.credits().compareTo(before.quota().credits()) != 0) {
            BigDecimal fixed = before.quota().credits();
            String unit = fixed.compareTo(BigDecimal.ONE) == 0 ? " credit" : " credits";
            throw new RejectedInput(CreditQuota.CREDITS_FIELD, "The sandbox's credit quota is fixed at "
                    + fixed.stripTrailingZeros().toPlainString() + unit
                    + " and cannot be changed. Its dates and other details can.");
        }
        return quota;
    }

    private static RejectedInput nameTaken(AccountName name) {
        return new RejectedInput(AccountName.FIELD, "You already have a customer called \"" + name
                + "\". Choose another name.");
    }

    /** Trimmed, in Unicode form C, one line, and null when left empty. */
    private static String optionalText(String field, String text, int maxLength) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String clean = Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
        if (clean.codePointCount(0, clean.length()) > maxLength) {
            throw new RejectedInput(field, "Use at most " + maxLength + " characters.");
        }
        if (clean.codePoints().anyMatch(codePoint -> Character.getType(codePoint) == Character.CONTROL)) {
            throw new RejectedInput(field, "Write this on one line, without tabs or line breaks.");
        }
        return clean;
    }

    private static String phoneNumber(String typed) {
        String phone = optionalText("phoneNumber", typed, MAX_PHONE_LENGTH);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw new RejectedInput("phoneNumber", "Write the phone number with digits, spaces and + ( ) - only, "
                    + "for example +44 20 7946 0000.");
        }
        return phone;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The customer, if it belongs to the caller's MSP and, for a tenant administrator, is assigned
     * to them; another MSP's id, or one not assigned, is simply not found.
     */
    private Customers.Stored visible(UUID id) {
        UUID own = ownProvider();
        Optional<UUID> assignedTo = AssignedCustomersScope.current().accountId();
        return Optional.ofNullable(id).flatMap(customers::find).filter(customer -> customer.providerId().equals(own))
                .filter(customer -> assignedTo.map(account -> administrators.assigned(customer.id(), account))
                        .orElse(true))
                .orElseThrow(() -> new NotFound("customer"));
    }

    static UUID ownProvider() {
        return ProviderScope.current().providerId().orElseThrow(() -> new NotFound("MSP"));
    }

    /** Who changed it, named as the audit log names them: a person by email, an API key by its name. */
    private static String actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication.getPrincipal() instanceof PortalPrincipal principal
                ? principal.email()
                : authentication.getName();
    }
}
