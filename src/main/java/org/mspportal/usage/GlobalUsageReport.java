package org.mspportal.usage;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.mspportal.customers.CustomerSummaries;
import org.mspportal.plans.Edition;
import org.mspportal.plans.ServicePlanManagement;
import org.mspportal.shared.NotFound;
import org.mspportal.shared.ProviderScope;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

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
 *
 * <p>A whole MSP's report kept at an earlier generation is refreshed rather than computed again:
 * {@link UsageGeneration} records which customers each change concerns, and only their lines are
 * read again (a batch of 200 customers re-reads 200 of 10 000; a plan's change none: its edition
 * is applied as the lines are assembled). Changes no longer recorded, or more than
 * {@value #MOST_CHANGED_REFRESHED} customers changed, make the report be computed afresh.
 *
 * <p>What a whole MSP's report is assembled from holds every edition's credits, so the report of
 * another edition of the same range, at the same generation, is assembled from a kept one without
 * reading any customer: switching the edition filter costs the assembly only. The customers a
 * caller reaches and their consumption inside their quota windows depend on no range or edition:
 * they are kept per MSP, scope and day at a generation too, and refreshed for the customers a
 * change concerns as reports are, so switching the range reads only the new range's credits.
 *
 * <p>A whole MSP's report computed afresh reads its credits in the range, per customer and over
 * time, on a second connection while its customers are read on the request's ({@link
 * ReadAlongside}): they depend on each other only for a tenant administrator, whose customers
 * restrict the credits read. Consumption in the quota windows of a reach kept from before is read
 * on a third, as the windows seldom change; customers whose window did are read again after.
 */
@Service
class GlobalUsageReport {

    /** Roll-up editions in report order; "NONE" is usage of customers without a plan (the sandbox). */
    static final List<String> EDITIONS = List.of(Edition.BUSINESS.name(), Edition.ENTERPRISE.name(),
            Edition.ELITE.name(), RollUps.NO_EDITION);
    /** Ranges up to this many days are charted per day, longer ones per month. */
    static final int LONGEST_DAILY_SERIES = 93;
    /** More customers changed than this since a report was kept, and it is computed afresh. */
    static final int MOST_CHANGED_REFRESHED = 1_000;
    /** Every edition filter: all editions, then each edition alone. */
    private static final List<Optional<Edition>> EDITION_FILTERS = Stream.concat(
            Stream.of(Optional.<Edition>empty()),
            Arrays.stream(Edition.values()).map(Optional::of)).toList();

    private final CustomerSummaries customers;
    private final ServicePlanManagement plans;
    private final RollUpReads rollUps;
    private final UsageGeneration generations;
    private final Clock clock;
    private final TransactionTemplate readOnly;
    private final TaskExecutor executor;
    private final Cache<Kept, Computed> kept;
    private final Cache<Scope, Reach> reaches;

    /** A range's credits per customer and edition, and over time (per day or month). */
    private record CreditsRead(List<RollUpReads.CustomerCredits> perCustomer, List<RollUpReads.PeriodCredits> periods) {
    }

    /** Whose customers a report counts, and on which day: what its {@link Reach} depends on. */
    private record Scope(UUID provider, Optional<UUID> assignedTo, LocalDate today) {
    }

    /** What a report depends on besides the data its generation covers. */
    private record Kept(Scope scope, UsageReportFilter filter) {

        Kept withFilter(UsageReportFilter other) {
            return new Kept(scope, other);
        }
    }

    /**
     * What every report of a scope shares at a generation: the customers it reaches, by name, and
     * each one's credits inside its quota window.
     */
    private record Reach(long generation, CustomerSummaries.Reachable reachable, Map<UUID, BigDecimal> consumed) {
    }

    /**
     * A report with the generation it was computed at and, for a report of every customer, what
     * it was assembled from, so a change to a few customers re-reads only theirs.
     */
    private record Computed(long generation, Optional<GlobalUsageAssembly.Inputs> inputs,
            GlobalUsageAssembly.Assembled assembled) {

        GlobalUsage usage() {
            return assembled.usage();
        }
    }

    GlobalUsageReport(CustomerSummaries customers, ServicePlanManagement plans, RollUpReads rollUps,
            UsageGeneration generations, Clock clock, PlatformTransactionManager transactions,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor,
            @Value("${portal.usage.report-cache-lines:100000}") long cachedLines) {
        this.customers = customers;
        this.plans = plans;
        this.rollUps = rollUps;
        this.generations = generations;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.executor = executor;
        this.kept = Caffeine.newBuilder().maximumWeight(cachedLines)
                .weigher((Kept key, Computed report) -> 1 + report.usage().customers().size())
                .expireAfterAccess(Duration.ofHours(1)).build();
        this.reaches = Caffeine.newBuilder().maximumWeight(cachedLines)
                .weigher((Scope key, Reach reach) -> 1 + reach.reachable().customers().size())
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
        Kept key = new Kept(new Scope(provider, customers.assignedTo(), today()), filter);
        Computed found = kept.getIfPresent(key);
        if (found != null && found.generation() == generation) {
            return found.usage();
        }
        Computed computed = Optional.ofNullable(found)
                .flatMap(earlier -> refreshed(key, earlier, generation))
                .or(() -> fromAnotherEdition(key, generation))
                .orElseGet(() -> computed(key, generation));
        kept.asMap().merge(key, computed, (before, now) -> before.generation() > now.generation() ? before : now);
        return computed.usage();
    }

    private Computed computed(Kept key, long generation) {
        UUID provider = key.scope().provider();
        UsageReportFilter filter = key.filter();
        // A whole MSP's credits depend on none of its customers' terms: read alongside them.
        Optional<ReadAlongside<CreditsRead>> everyCustomersCredits = key.scope().assignedTo().isPresent()
                ? Optional.empty()
                : Optional.of(ReadAlongside.start(() -> new CreditsRead(rollUps.perCustomer(provider, Optional.empty(),
                        filter.from(), filter.to()), periods(provider, Optional.empty(), filter)), readOnly, executor));
        Reach reach = reach(key.scope(), generation);
        CustomerSummaries.Reachable reachable = reach.reachable();
        Optional<Collection<UUID>> only = reachable.everyCustomer() ? Optional.empty()
                : Optional.of(reachable.customers().stream().map(CustomerSummaries.Summary::id).toList());
        if (only.isPresent() && only.get().isEmpty()) {
            GlobalUsageAssembly.Inputs none = new GlobalUsageAssembly.Inputs(List.of(), Map.of(), Map.of());
            return new Computed(generation, Optional.empty(),
                    GlobalUsageAssembly.whole(filter, none, plans.editions(), List.of()));
        }
        CreditsRead inRange = everyCustomersCredits.map(ReadAlongside::join)
                .orElseGet(() -> new CreditsRead(rollUps.perCustomer(provider, only, filter.from(), filter.to()),
                        periods(provider, only, filter)));
        GlobalUsageAssembly.Inputs inputs = new GlobalUsageAssembly.Inputs(reachable.customers(),
                credits(inRange.perCustomer()), reach.consumed());
        GlobalUsageAssembly.Assembled assembled = GlobalUsageAssembly.whole(filter, inputs, plans.editions(),
                inRange.periods());
        return new Computed(generation, reachable.everyCustomer() ? Optional.of(inputs) : Optional.empty(), assembled);
    }

    /**
     * The scope's customers and their quota consumption at this generation: kept, refreshed from
     * the kept ones for the customers changed since (when known and few), or read whole.
     */
    private Reach reach(Scope scope, long generation) {
        Reach found = reaches.getIfPresent(scope);
        if (found != null && found.generation() == generation) {
            return found;
        }
        Reach reach = Optional.ofNullable(found).filter(earlier -> earlier.generation() < generation)
                .flatMap(earlier -> generations.customersChanged(scope.provider(), earlier.generation(), generation)
                        .filter(changed -> changed.size() <= MOST_CHANGED_REFRESHED)
                        .map(changed -> refreshed(scope, earlier, changed, generation)))
                .orElseGet(() -> read(scope, generation, Optional.ofNullable(found)));
        reaches.asMap().merge(scope, reach, (before, now) -> before.generation() > now.generation() ? before : now);
        return reach;
    }

    /**
     * The scope's customers and their quota consumption read whole. Quota windows seldom change:
     * with a reach kept from before, consumption in its windows is read on a second connection
     * while the customers are read, and read again only for the customers whose window is not
     * one of those (new customers, changed quotas).
     */
    private Reach read(Scope scope, long generation, Optional<Reach> earlier) {
        Optional<List<RollUpReads.Window>> earlierWindows = earlier.map(reach -> windows(reach.reachable().customers()));
        Optional<ReadAlongside<Map<UUID, BigDecimal>>> consumedInEarlierWindows = earlier.flatMap(reach ->
                earlierWindows.map(windows -> ReadAlongside.start(() -> consumed(scope, reach.reachable(), windows),
                        readOnly, executor)));
        CustomerSummaries.Reachable reachable = customers.reachable();
        List<RollUpReads.Window> windows = windows(reachable.customers());
        if (consumedInEarlierWindows.isEmpty()) {
            return new Reach(generation, reachable, Collections.unmodifiableMap(consumed(scope, reachable, windows)));
        }
        Set<RollUpReads.Window> known = new HashSet<>(earlierWindows.get());
        List<RollUpReads.Window> unknown = windows.stream().filter(window -> !known.contains(window)).toList();
        Set<UUID> reached = windows.stream().map(RollUpReads.Window::customerId).collect(Collectors.toSet());
        Map<UUID, BigDecimal> consumed = new HashMap<>(consumedInEarlierWindows.get().join());
        consumed.keySet().retainAll(reached);
        unknown.forEach(window -> consumed.remove(window.customerId()));
        consumed.putAll(rollUps.inWindows(scope.provider(), unknown));
        return new Reach(generation, reachable, Collections.unmodifiableMap(consumed));
    }

    /** Each customer's credits in its quota window: for every customer, read as a whole MSP's. */
    private Map<UUID, BigDecimal> consumed(Scope scope, CustomerSummaries.Reachable reachable,
            List<RollUpReads.Window> windows) {
        return reachable.everyCustomer() ? rollUps.inWindowsOfEveryCustomer(scope.provider(), windows)
                : rollUps.inWindows(scope.provider(), windows);
    }

    /** The earlier reach with the changed customers' terms and quota consumption read again. */
    private Reach refreshed(Scope scope, Reach earlier, Set<UUID> changed, long generation) {
        List<CustomerSummaries.Summary> now = customers.reachableAmong(changed);
        Map<UUID, BigDecimal> consumed = new HashMap<>(earlier.consumed());
        consumed.keySet().removeAll(changed);
        consumed.putAll(rollUps.inWindows(scope.provider(), windows(now)));
        List<CustomerSummaries.Summary> reached = renewedInPlace(earlier.reachable().customers(), changed, now)
                .orElseGet(() -> customers.reachable().customers());
        return new Reach(generation, new CustomerSummaries.Reachable(earlier.reachable().everyCustomer(), reached),
                Collections.unmodifiableMap(consumed));
    }

    /**
     * The report kept at an earlier generation with the credits of the customers changed since
     * read again, when the changes are known and few, and the scope's customers as they are now;
     * what is not a customer's line (the chart) is read again whole, from the MSP's own daily
     * roll-up. While the customers keep their order, only the changed ones' lines are made again.
     */
    private Optional<Computed> refreshed(Kept key, Computed earlier, long generation) {
        if (earlier.inputs().isEmpty() || earlier.generation() > generation) {
            return Optional.empty();
        }
        UUID provider = key.scope().provider();
        UsageReportFilter filter = key.filter();
        GlobalUsageAssembly.Inputs before = earlier.inputs().get();
        return generations.customersChanged(provider, earlier.generation(), generation)
                .filter(changed -> changed.size() <= MOST_CHANGED_REFRESHED)
                .map(changed -> {
                    Reach reach = reach(key.scope(), generation);
                    Map<UUID, Map<String, RollUps.Amount>> credits = new HashMap<>(before.credits());
                    credits.keySet().removeAll(changed);
                    credits.putAll(credits(changed.isEmpty() ? List.of()
                            : rollUps.perCustomer(provider, Optional.of(changed), filter.from(), filter.to())));
                    List<CustomerSummaries.Summary> reached = reach.reachable().customers();
                    GlobalUsageAssembly.Inputs inputs = new GlobalUsageAssembly.Inputs(reached, credits,
                            reach.consumed());
                    List<CustomerSummaries.Summary> now = reached.stream()
                            .filter(customer -> changed.contains(customer.id())).toList();
                    Map<UUID, Edition> planEditions = plans.editions();
                    List<RollUpReads.PeriodCredits> periods = periods(provider, Optional.empty(), filter);
                    GlobalUsageAssembly.Assembled assembled = Optional.of(before.reached())
                            .filter(customers -> sameOrder(customers, reached))
                            .flatMap(same -> GlobalUsageAssembly.withLinesReplaced(filter, earlier.assembled(),
                                    before, inputs, now, planEditions, periods))
                            .orElseGet(() -> GlobalUsageAssembly.whole(filter, inputs, planEditions, periods));
                    return new Computed(generation, Optional.of(inputs), assembled);
                });
    }

    /** The same customers in the same places: a report's lines can then be replaced where they stand. */
    private static boolean sameOrder(List<CustomerSummaries.Summary> one, List<CustomerSummaries.Summary> other) {
        if (one == other) {
            return true;
        }
        if (one.size() != other.size()) {
            return false;
        }
        for (int i = 0; i < one.size(); i++) {
            if (!one.get(i).id().equals(other.get(i).id())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The customers as before with the changed ones' new terms in their places; empty when that
     * would not be the order of names any more: a name changed, or a customer came or went.
     */
    private static Optional<List<CustomerSummaries.Summary>> renewedInPlace(List<CustomerSummaries.Summary> before,
            Set<UUID> changed, List<CustomerSummaries.Summary> now) {
        Map<UUID, CustomerSummaries.Summary> renewed = now.stream()
                .collect(Collectors.toMap(CustomerSummaries.Summary::id, summary -> summary));
        List<CustomerSummaries.Summary> reached = new ArrayList<>(before.size());
        for (CustomerSummaries.Summary customer : before) {
            CustomerSummaries.Summary renewal = changed.contains(customer.id()) ? renewed.get(customer.id()) : customer;
            if (renewal == null || !renewal.accountName().equals(customer.accountName())) {
                return Optional.empty();
            }
            reached.add(renewal);
        }
        long found = before.stream().filter(customer -> changed.contains(customer.id())).count();
        return found == now.size() ? Optional.of(reached) : Optional.empty();
    }

    private static List<RollUpReads.Window> windows(List<CustomerSummaries.Summary> customers) {
        return customers.stream()
                .map(customer -> new RollUpReads.Window(customer.id(), customer.quotaEffectiveDate(),
                        customer.quotaEndDate()))
                .toList();
    }

    private List<RollUpReads.PeriodCredits> periods(UUID provider, Optional<Collection<UUID>> only,
            UsageReportFilter filter) {
        return filter.days() <= LONGEST_DAILY_SERIES
                ? rollUps.perDay(provider, only, filter.from(), filter.to())
                : rollUps.perMonth(provider, only, filter.from(), filter.to());
    }

    /**
     * The report assembled from what a kept report of another edition of the same range, scope
     * and day was assembled from, if one is kept at this generation.
     */
    private Optional<Computed> fromAnotherEdition(Kept key, long generation) {
        UsageReportFilter filter = key.filter();
        return EDITION_FILTERS.stream()
                .filter(edition -> !edition.equals(filter.edition()))
                .map(edition -> kept.getIfPresent(key.withFilter(
                        new UsageReportFilter(filter.from(), filter.to(), edition))))
                .filter(sibling -> sibling != null && sibling.generation() == generation)
                .flatMap(sibling -> sibling.inputs().stream())
                .findFirst()
                .map(inputs -> new Computed(generation, Optional.of(inputs), GlobalUsageAssembly.whole(filter, inputs,
                        plans.editions(), periods(key.scope().provider(), Optional.empty(), filter))));
    }

    /** Each customer's credits per edition. */
    private static Map<UUID, Map<String, RollUps.Amount>> credits(List<RollUpReads.CustomerCredits> rows) {
        Map<UUID, Map<String, RollUps.Amount>> byCustomer = new HashMap<>(rows.size() * 4 / 3 + 1);
        for (RollUpReads.CustomerCredits row : rows) {
            byCustomer.computeIfAbsent(row.customerId(), id -> new HashMap<>()).merge(row.edition(), row.amount(),
                    RollUps.Amount::plus);
        }
        return byCustomer;
    }
}
