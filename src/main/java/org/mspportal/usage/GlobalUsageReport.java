package org.mspportal.usage;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.mspportal.customers.CustomerSummaries;
import org.mspportal.plans.Edition;
import org.mspportal.plans.ServicePlan;
import org.mspportal.plans.ServicePlanManagement;
import org.mspportal.shared.NotFound;
import org.mspportal.shared.ProviderScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Global Usage report: the MSP's credits in a date range, per customer and over time, read
 * from the roll-ups only (never raw records), so a year costs about twelve rows per customer.
 * Customers come from {@link CustomerSummaries}: a tenant administrator's report counts only the
 * customers assigned to them. Every MSP role and API keys with the read scope may run it.
 *
 * <p>Reports are kept in memory, bounded by their customer lines, for as long as the MSP's
 * {@link UsageGeneration} stays the one they were computed at: each request reads that one row
 * first, so a batch or a customer change committed on any instance is in the next report. A kept
 * report is found only by everything it depends on: MSP, range, edition, the tenant administrator
 * whose customers it counts (or none) and today's date, on which quota utilization depends.
 */
@Service
class GlobalUsageReport {

    /** Roll-up editions in report order; "NONE" is usage of customers without a plan (the sandbox). */
    static final List<String> EDITIONS = List.of(Edition.BUSINESS.name(), Edition.ENTERPRISE.name(),
            Edition.ELITE.name(), RollUps.NO_EDITION);
    /** Ranges up to this many days are charted per day, longer ones per month. */
    static final int LONGEST_DAILY_SERIES = 93;

    private final CustomerSummaries customers;
    private final ServicePlanManagement plans;
    private final RollUpReads rollUps;
    private final UsageGeneration generations;
    private final Clock clock;
    private final Cache<Kept, Computed> kept;

    /** What a report depends on besides the data its generation covers. */
    private record Kept(UUID provider, UsageReportFilter filter, Optional<UUID> assignedTo, LocalDate today) {
    }

    private record Computed(long generation, GlobalUsage usage) {
    }

    GlobalUsageReport(CustomerSummaries customers, ServicePlanManagement plans, RollUpReads rollUps,
            UsageGeneration generations, Clock clock,
            @Value("${portal.usage.report-cache-lines:100000}") long cachedLines) {
        this.customers = customers;
        this.plans = plans;
        this.rollUps = rollUps;
        this.generations = generations;
        this.clock = clock;
        this.kept = Caffeine.newBuilder().maximumWeight(cachedLines)
                .weigher((Kept key, Computed report) -> 1 + report.usage().customers().size())
                .expireAfterAccess(Duration.ofHours(1)).build();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public GlobalUsage run(UsageReportFilter filter) {
        UUID provider = ProviderScope.current().providerId().orElseThrow(() -> new NotFound("MSP"));
        // Read before the data: a report computed from newer data than its generation is only
        // recomputed once more, one from older data would be served as current.
        long generation = generations.current(provider);
        Kept key = new Kept(provider, filter, customers.assignedTo(), today());
        Computed found = kept.getIfPresent(key);
        if (found != null && found.generation() == generation) {
            return found.usage();
        }
        GlobalUsage usage = computed(provider, filter);
        kept.asMap().merge(key, new Computed(generation, usage),
                (before, now) -> before.generation() > now.generation() ? before : now);
        return usage;
    }

    private GlobalUsage computed(UUID provider, UsageReportFilter filter) {
        CustomerSummaries.Reachable reachable = customers.reachable();
        Optional<Collection<UUID>> only = reachable.everyCustomer() ? Optional.empty()
                : Optional.of(reachable.customers().stream().map(CustomerSummaries.Summary::id).toList());
        if (only.isPresent() && only.get().isEmpty()) {
            return assemble(filter, List.of(), List.of(), Map.of(), List.of());
        }
        List<RollUpReads.CustomerCredits> credits = rollUps.perCustomer(provider, only, filter.from(), filter.to());
        Map<UUID, BigDecimal> consumed = rollUps.inWindows(provider, reachable.customers().stream()
                .map(customer -> new RollUpReads.Window(customer.id(), customer.quotaEffectiveDate(),
                        customer.quotaEndDate()))
                .toList());
        List<RollUpReads.PeriodCredits> periods = filter.days() <= LONGEST_DAILY_SERIES
                ? rollUps.perDay(provider, only, filter.from(), filter.to())
                : rollUps.perMonth(provider, only, filter.from(), filter.to());
        return assemble(filter, reachable.customers(), credits, consumed, periods);
    }

    private GlobalUsage assemble(UsageReportFilter filter, List<CustomerSummaries.Summary> reached,
            List<RollUpReads.CustomerCredits> credits, Map<UUID, BigDecimal> consumed,
            List<RollUpReads.PeriodCredits> periods) {
        Map<UUID, Edition> planEditions = plans.list(true).stream()
                .collect(Collectors.toMap(ServicePlan::id, ServicePlan::edition));
        Map<UUID, Map<String, RollUps.Amount>> byCustomer = new HashMap<>();
        for (RollUpReads.CustomerCredits row : credits) {
            if (counts(filter, row.edition())) {
                byCustomer.computeIfAbsent(row.customerId(), id -> new HashMap<>()).merge(row.edition(), row.amount(),
                        RollUps.Amount::plus);
            }
        }
        List<GlobalUsage.CustomerUsage> lines = new ArrayList<>();
        Map<String, BigDecimal> byEdition = new LinkedHashMap<>();
        EDITIONS.stream().filter(edition -> counts(filter, edition))
                .forEach(edition -> byEdition.put(edition, Credits.zero()));
        RollUps.Amount total = new RollUps.Amount(Credits.zero(), Credits.zero());
        for (CustomerSummaries.Summary customer : reached) {
            Map<String, RollUps.Amount> used = byCustomer.getOrDefault(customer.id(), Map.of());
            Edition plan = customer.servicePlanId() == null ? null : planEditions.get(customer.servicePlanId());
            boolean onFilteredPlan = plan != null && filter.counts(plan);
            if (used.isEmpty() && !onFilteredPlan && filter.edition().isPresent()) {
                continue;
            }
            RollUps.Amount amount = new RollUps.Amount(Credits.zero(), Credits.zero());
            for (Map.Entry<String, RollUps.Amount> entry : used.entrySet()) {
                amount = amount.plus(entry.getValue());
                byEdition.merge(entry.getKey(), entry.getValue().total(), BigDecimal::add);
            }
            total = total.plus(amount);
            lines.add(line(customer, editions(used, plan), amount, consumed.getOrDefault(customer.id(),
                    Credits.zero())));
        }
        return new GlobalUsage(filter, total.total(), total.hybrid(), total.saas(), byEdition, lines,
                series(filter, periods));
    }

    private static GlobalUsage.CustomerUsage line(CustomerSummaries.Summary customer, List<String> editions,
            RollUps.Amount amount, BigDecimal consumed) {
        BigDecimal utilization = QuotaConsumption.utilization(consumed, customer.creditQuota());
        return new GlobalUsage.CustomerUsage(customer.id(), customer.accountName(), editions, amount.total(),
                amount.hybrid(), amount.saas(), customer.creditQuota(), customer.quotaEffectiveDate(),
                customer.quotaEndDate(), consumed, utilization, customer.licenseExpiryDate());
    }

    /** The editions the customer's usage was filed under, in report order; its plan's if it used nothing. */
    private static List<String> editions(Map<String, RollUps.Amount> used, Edition plan) {
        if (used.isEmpty()) {
            return plan == null ? List.of() : List.of(plan.name());
        }
        return EDITIONS.stream().filter(used::containsKey).toList();
    }

    private static boolean counts(UsageReportFilter filter, String edition) {
        return filter.edition().map(wanted -> wanted.name().equals(edition)).orElse(true);
    }

    /** Every day (or month) of the range, with zero where nothing was used, per edition that was used. */
    private static GlobalUsage.Series series(UsageReportFilter filter, List<RollUpReads.PeriodCredits> credits) {
        boolean monthly = filter.days() > LONGEST_DAILY_SERIES;
        List<LocalDate> periods = new ArrayList<>();
        LocalDate period = monthly ? filter.from().withDayOfMonth(1) : filter.from();
        while (!period.isAfter(filter.to())) {
            periods.add(period);
            period = monthly ? period.plusMonths(1) : period.plusDays(1);
        }
        Map<LocalDate, Integer> index = new HashMap<>();
        for (int i = 0; i < periods.size(); i++) {
            index.put(periods.get(i), i);
        }
        Map<String, BigDecimal[]> stacks = new LinkedHashMap<>();
        TreeSet<String> used = credits.stream().filter(row -> counts(filter, row.edition()))
                .filter(row -> row.credits().signum() != 0).map(RollUpReads.PeriodCredits::edition)
                .collect(Collectors.toCollection(TreeSet::new));
        EDITIONS.stream().filter(used::contains).forEach(edition -> {
            BigDecimal[] amounts = new BigDecimal[periods.size()];
            Arrays.fill(amounts, Credits.zero());
            stacks.put(edition, amounts);
        });
        for (RollUpReads.PeriodCredits row : credits) {
            BigDecimal[] amounts = stacks.get(row.edition());
            Integer at = index.get(row.period());
            if (amounts != null && at != null) {
                amounts[at] = amounts[at].add(row.credits());
            }
        }
        Map<String, List<BigDecimal>> series = new LinkedHashMap<>();
        stacks.forEach((edition, amounts) -> series.put(edition, List.of(amounts)));
        return new GlobalUsage.Series(monthly, periods, series);
    }
}
