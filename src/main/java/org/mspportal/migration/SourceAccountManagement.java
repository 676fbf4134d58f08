package org.mspportal.migration;

import java.io.InputStream;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.mspportal.plans.Workload;
import org.mspportal.shared.NotFound;
import org.mspportal.shared.RejectedInput;
import org.mspportal.shared.RejectedInputs;
import org.mspportal.shared.StaleVersion;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts managed outside the portal that can be migrated into an MSP: registered, listed,
 * suspended and reactivated by the platform operator only. They are no MSP's data.
 */
@Service
public class SourceAccountManagement {

    static final int MAX_NAME_LENGTH = 200;
    /** Two years of daily usage for every workload, far above any real account. */
    static final int MAX_PAST_USAGE = 6000;

    private final SourceAccounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SourceAccountManagement(SourceAccounts accounts, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Registers an active account; every value is checked before anything is stored.
     *
     * @throws RejectedInputs naming every invalid field
     */
    @Transactional
    @PreAuthorize("hasRole('OPERATOR')")
    public SourceAccount register(RegisterSourceAccount command) {
        Checked checked = checked(command, SourceAccountStatus.ACTIVE);
        accounts.add(checked.account(), checked.usage());
        events.publishEvent(SourceAccountChanged.registered(checked.account()));
        return checked.account();
    }

    /**
     * Registers every account of a CSV file (see the template), or none: when any line is refused,
     * nothing is stored and every refusal is returned with its line and column. Each account
     * registered is audited as imported.
     */
    @Transactional
    @PreAuthorize("hasRole('OPERATOR')")
    public SourceAccountImport importCsv(InputStream file) {
        SourceAccountCsv.Lines read = SourceAccountCsv.read(file);
        List<SourceAccountImport.Refusal> refusals = new ArrayList<>(read.refusals());
        List<Checked> valid = new ArrayList<>();
        for (SourceAccountCsv.Line line : read.lines()) {
            try {
                valid.add(checked(line.account(), line.status()));
            } catch (RejectedInputs refused) {
                refused.all().forEach(one -> refusals.add(new SourceAccountImport.Refusal(line.number(),
                        SourceAccountCsv.column(one.field()), one.getMessage())));
            }
        }
        if (!refusals.isEmpty()) {
            refusals.sort(Comparator.comparingLong(SourceAccountImport.Refusal::line));
            return new SourceAccountImport(List.of(), refusals);
        }
        for (Checked checked : valid) {
            accounts.add(checked.account(), checked.usage());
            events.publishEvent(SourceAccountChanged.imported(checked.account()));
        }
        return new SourceAccountImport(valid.stream().map(Checked::account).toList(), List.of());
    }

    /** The template of {@link #importCsv}: its header and two example accounts. */
    @PreAuthorize("hasRole('OPERATOR')")
    public byte[] importTemplate() {
        return SourceAccountCsv.template(LocalDate.now(clock));
    }

    /** An account whose every value was checked, not yet stored. */
    private record Checked(SourceAccount account, List<PastUsage> usage) {
    }

    /** @throws RejectedInputs naming every invalid field */
    private Checked checked(RegisterSourceAccount command, SourceAccountStatus status) {
        List<RejectedInput> problems = new ArrayList<>();
        String name = attempt(problems, () -> name(command.name()));
        String email = attempt(problems, () -> EmailAddress.checked("cloudAdministratorEmail",
                command.cloudAdministratorEmail()));
        Licence licence = attempt(problems, () -> licence(command));
        List<PastUsage> usage = attempt(problems, () -> pastUsage(command.pastUsage()));
        if (!problems.isEmpty()) {
            throw new RejectedInputs(problems);
        }
        return new Checked(new SourceAccount(UUID.randomUUID(), name, email, status, licence, usage.size(),
                clock.instant(), 0), usage);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('OPERATOR')")
    public Page<SourceAccount> list(String search, Pageable page) {
        return new PageImpl<>(accounts.page(search, (int) page.getOffset(), page.getPageSize()), page,
                accounts.count(search));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('OPERATOR')")
    public SourceAccount get(UUID id) {
        return accounts.find(id).orElseThrow(() -> new NotFound("source account"));
    }

    /** The account, as read at {@code version}, can no longer be migrated until reactivated. */
    @Transactional
    @PreAuthorize("hasRole('OPERATOR')")
    public SourceAccount suspend(UUID id, int version) {
        return withStatus(id, SourceAccountStatus.SUSPENDED, version);
    }

    @Transactional
    @PreAuthorize("hasRole('OPERATOR')")
    public SourceAccount reactivate(UUID id, int version) {
        return withStatus(id, SourceAccountStatus.ACTIVE, version);
    }

    private SourceAccount withStatus(UUID id, SourceAccountStatus status, int version) {
        SourceAccount account = get(id);
        if (account.status() == status) {
            return account;
        }
        if (!accounts.setStatus(id, status, version)) {
            throw new StaleVersion("source account");
        }
        events.publishEvent(SourceAccountChanged.status(account, status));
        return get(id);
    }

    /** Any script, in Unicode form C, on one line. */
    static String name(String typed) {
        String name = typed == null ? "" : Normalizer.normalize(typed.strip(), Normalizer.Form.NFC);
        if (name.isEmpty()) {
            throw new RejectedInput("name", "Enter the account's name.");
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            throw new RejectedInput("name", "Use at most " + MAX_NAME_LENGTH + " characters.");
        }
        if (name.codePoints().anyMatch(codePoint -> Character.getType(codePoint) == Character.CONTROL)) {
            throw new RejectedInput("name", "Write the name on one line, without tabs or line breaks.");
        }
        return name;
    }

    private static Licence licence(RegisterSourceAccount command) {
        boolean anyHybrid = command.hybridEdition() != null || command.hybridExpiresOn() != null
                || (command.hybridWorkloads() != null && !command.hybridWorkloads().isEmpty());
        Licence.HybridTenant hybrid = anyHybrid
                ? new Licence.HybridTenant(command.hybridEdition(), command.hybridWorkloads(), command.hybridExpiresOn())
                : null;
        Map<Workload, LocalDate> saas = new EnumMap<>(Workload.class);
        if (command.microsoft365ExpiresOn() != null) {
            saas.put(Workload.MICROSOFT_365, command.microsoft365ExpiresOn());
        }
        if (command.googleWorkspaceExpiresOn() != null) {
            saas.put(Workload.GOOGLE_WORKSPACE, command.googleWorkspaceExpiresOn());
        }
        if (command.endpointsExpiresOn() != null) {
            saas.put(Workload.ENDPOINTS, command.endpointsExpiresOn());
        }
        return new Licence(hybrid, saas);
    }

    private static List<PastUsage> pastUsage(List<PastUsage> usage) {
        if (usage == null) {
            return List.of();
        }
        if (usage.size() > MAX_PAST_USAGE) {
            throw new RejectedInput("pastUsage", "Carry over at most " + MAX_PAST_USAGE + " days of usage.");
        }
        Set<String> seen = new HashSet<>();
        for (PastUsage day : usage) {
            if (day == null || day.workload() == null || day.date() == null) {
                throw new RejectedInput("pastUsage", "Give every usage record a workload and a day.");
            }
            if (day.credits() == null && day.storedBytes() == null) {
                throw new RejectedInput("pastUsage", "Give the usage of " + day.date() + " in credits or stored bytes.");
            }
            if ((day.credits() != null && day.credits().signum() < 0) || (day.storedBytes() != null && day.storedBytes() < 0)) {
                throw new RejectedInput("pastUsage", "Usage cannot be negative (" + day.date() + ").");
            }
            if (day.credits() != null && day.credits().compareTo(new BigDecimal("1000000000")) > 0) {
                throw new RejectedInput("pastUsage", "The usage of " + day.date() + " is too large to be real.");
            }
            if (!seen.add(day.workload() + "@" + day.date())) {
                throw new RejectedInput("pastUsage", "The usage of " + day.workload().label() + " on " + day.date()
                        + " is given twice.");
            }
        }
        return List.copyOf(usage);
    }

    private static <T> T attempt(List<RejectedInput> problems, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (RejectedInputs several) {
            problems.addAll(several.all());
        } catch (RejectedInput one) {
            problems.add(one);
        }
        return null;
    }
}
