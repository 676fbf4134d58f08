package org.mspportal.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.mspportal.customers.CustomerSummaries;
import org.mspportal.plans.Edition;

/**
 * A Global Usage report put together from what was read for it: a line per customer, the
 * totals and the chart. A report refreshed after a batch has the batch's customers' lines
 * replaced in their places and its totals moved by the difference, rather than every line made
 * again: with 10 000 customers that was most of the refresh.
 */
final class GlobalUsageAssembly {

    private GlobalUsageAssembly() {
    }

    /**
     * What a report of many customers is assembled from, per customer.
     *
     * @param reached every customer, in order of their names
     * @param credits each customer's credits in the range per edition, absent if none: every
     *        edition, whatever the report's filter, so a report of another edition of the same
     *        range can be assembled from them too
     * @param consumed each customer's credits in its quota window, absent if none
     */
    record Inputs(List<CustomerSummaries.Summary> reached, Map<UUID, Map<String, RollUps.Amount>> credits,
            Map<UUID, BigDecimal> consumed) {
    }

    /**
     * A report with what its lines depended on besides its inputs.
     *
     * @param planEditions each plan's edition at assembly: a customer without usage shows its plan's
     * @param lineAt each customer's place among the report's lines; absent for a customer left out
     */
    record Assembled(GlobalUsage usage, Map<UUID, Edition> planEditions, Map<UUID, Integer> lineAt) {
    }

    static Assembled whole(UsageReportFilter filter, Inputs inputs, Map<UUID, Edition> planEditions,
            List<RollUpReads.PeriodCredits> periods) {
        Totals totals = Totals.none(filter);
        List<GlobalUsage.CustomerUsage> lines = new ArrayList<>(inputs.reached().size());
        Map<UUID, Integer> lineAt = new HashMap<>(inputs.reached().size() * 4 / 3 + 1);
        for (CustomerSummaries.Summary customer : inputs.reached()) {
            Map<String, RollUps.Amount> used = counted(filter, inputs, customer.id());
            line(filter, customer, used, planEditions, inputs.consumed()).ifPresent(line -> {
                lineAt.put(customer.id(), lines.size());
                lines.add(line);
                totals.add(used);
            });
        }
        return new Assembled(totals.report(filter, lines, series(filter, periods)), planEditions, lineAt);
    }

    /**
     * The earlier report with the lines of {@code changed} (their terms as now) made again from
     * {@code now}; empty when that is not the report {@link #whole} would assemble: plan editions
     * changed, or a changed customer's line would come or go.
     *
     * @param before the inputs the earlier report was assembled from
     */
    static Optional<Assembled> withLinesReplaced(UsageReportFilter filter, Assembled earlier, Inputs before,
            Inputs now, List<CustomerSummaries.Summary> changed, Map<UUID, Edition> planEditions,
            List<RollUpReads.PeriodCredits> periods) {
        if (!earlier.planEditions().equals(planEditions)) {
            return Optional.empty();
        }
        List<GlobalUsage.CustomerUsage> lines = new ArrayList<>(earlier.usage().customers());
        Totals totals = Totals.of(earlier.usage());
        for (CustomerSummaries.Summary customer : changed) {
            Integer at = earlier.lineAt().get(customer.id());
            Map<String, RollUps.Amount> used = counted(filter, now, customer.id());
            Optional<GlobalUsage.CustomerUsage> line = line(filter, customer, used, planEditions, now.consumed());
            if (line.isPresent() != (at != null)) {
                return Optional.empty();
            }
            if (at != null) {
                lines.set(at, line.get());
                totals.subtract(counted(filter, before, customer.id()));
                totals.add(used);
            }
        }
        return Optional.of(new Assembled(totals.report(filter, lines, series(filter, periods)), planEditions,
                earlier.lineAt()));
    }

    /** The customer's credits per edition the filter counts; empty if none. */
    private static Map<String, RollUps.Amount> counted(UsageReportFilter filter, Inputs inputs, UUID customer) {
        Map<String, RollUps.Amount> used = inputs.credits().getOrDefault(customer, Map.of());
        if (filter.edition().isEmpty()) {
            return used;
        }
        Map<String, RollUps.Amount> counted = new HashMap<>(used);
        counted.keySet().removeIf(edition -> !counts(filter, edition));
        return counted;
    }

    /** The customer's line; empty for a customer the edition filter leaves out. */
    private static Optional<GlobalUsage.CustomerUsage> line(UsageReportFilter filter,
            CustomerSummaries.Summary customer, Map<String, RollUps.Amount> used, Map<UUID, Edition> planEditions,
            Map<UUID, BigDecimal> consumed) {
        Edition plan = customer.servicePlanId() == null ? null : planEditions.get(customer.servicePlanId());
        boolean onFilteredPlan = plan != null && filter.counts(plan);
        if (used.isEmpty() && !onFilteredPlan && filter.edition().isPresent()) {
            return Optional.empty();
        }
        RollUps.Amount amount = RollUps.Amount.ZERO;
        for (RollUps.Amount inEdition : used.values()) {
            amount = amount == RollUps.Amount.ZERO ? inEdition : amount.plus(inEdition);
        }
        BigDecimal inWindow = consumed.getOrDefault(customer.id(), Credits.zero());
        return Optional.of(new GlobalUsage.CustomerUsage(customer.id(), customer.accountName(), editions(used, plan),
                amount.total(), amount.hybrid(), amount.saas(), customer.creditQuota(),
                customer.quotaEffectiveDate(), customer.quotaEndDate(), inWindow,
                QuotaConsumption.utilization(inWindow, customer.creditQuota()), customer.licenseExpiryDate()));
    }

    /** The editions the customer's usage was filed under, in report order; its plan's if it used nothing. */
    private static List<String> editions(Map<String, RollUps.Amount> used, Edition plan) {
        if (used.isEmpty()) {
            return plan == null ? List.of() : List.of(plan.name());
        }
        if (used.size() == 1) {
            return List.of(used.keySet().iterator().next());
        }
        return GlobalUsageReport.EDITIONS.stream().filter(used::containsKey).toList();
    }

    static boolean counts(UsageReportFilter filter, String edition) {
        return filter.edition().map(wanted -> wanted.name().equals(edition)).orElse(true);
    }

    /** Every day (or month) of the range, with zero where nothing was used, per edition that was used. */
    private static GlobalUsage.Series series(UsageReportFilter filter, List<RollUpReads.PeriodCredits> credits) {
        boolean monthly = filter.days() > GlobalUsageReport.LONGEST_DAILY_SERIES;
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
        GlobalUsageReport.EDITIONS.stream().filter(used::contains).forEach(edition -> {
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

    /** A report's totals as lines are counted in, or taken back out when they change. */
    private static final class Totals {

        private final Map<String, BigDecimal> byEdition;
        private BigDecimal hybrid;
        private BigDecimal saas;

        private Totals(Map<String, BigDecimal> byEdition, BigDecimal hybrid, BigDecimal saas) {
            this.byEdition = byEdition;
            this.hybrid = hybrid;
            this.saas = saas;
        }

        /** Zero, with every edition the filter counts, in report order. */
        static Totals none(UsageReportFilter filter) {
            Map<String, BigDecimal> byEdition = new LinkedHashMap<>();
            GlobalUsageReport.EDITIONS.stream().filter(edition -> counts(filter, edition))
                    .forEach(edition -> byEdition.put(edition, Credits.zero()));
            return new Totals(byEdition, Credits.zero(), Credits.zero());
        }

        static Totals of(GlobalUsage usage) {
            return new Totals(new LinkedHashMap<>(usage.creditsByEdition()), usage.hybridCredits(),
                    usage.saasCredits());
        }

        void add(Map<String, RollUps.Amount> used) {
            used.forEach((edition, amount) -> {
                hybrid = hybrid.add(amount.hybrid());
                saas = saas.add(amount.saas());
                byEdition.merge(edition, amount.total(), BigDecimal::add);
            });
        }

        void subtract(Map<String, RollUps.Amount> used) {
            used.forEach((edition, amount) -> {
                hybrid = hybrid.subtract(amount.hybrid());
                saas = saas.subtract(amount.saas());
                byEdition.merge(edition, amount.total().negate(), BigDecimal::add);
            });
        }

        GlobalUsage report(UsageReportFilter filter, List<GlobalUsage.CustomerUsage> lines,
                GlobalUsage.Series series) {
            return new GlobalUsage(filter, hybrid.add(saas), hybrid, saas, byEdition, List.copyOf(lines), series);
        }
    }
}
