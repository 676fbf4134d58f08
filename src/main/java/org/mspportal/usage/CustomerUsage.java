package org.mspportal.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.mspportal.customers.Customer;
import org.mspportal.plans.Workload;

/**
 * One customer's usage for a range: by workload and over time, and its quota window's burn-down
 * and forecast (whatever the range: the quota belongs to the customer).
 *
 * @param byWorkload the workloads with usage in the range, most credits first
 * @param periods each day (or month, on its first day) of the range
 * @param series per workload with usage, one amount per period, in {@link Workload} order
 */
record CustomerUsage(Customer customer, CustomerUsageRange range, BigDecimal totalCredits,
        List<WorkloadCredits> byWorkload, List<LocalDate> periods, Map<Workload, List<BigDecimal>> series,
        QuotaBurnDown quota) {

    record WorkloadCredits(Workload workload, BigDecimal credits, BigDecimal share) {

        public String key() {
            return workload.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public boolean hasUsage() {
        return totalCredits.signum() > 0;
    }

    /** The credits of each period, every workload together. */
    List<BigDecimal> totals() {
        return java.util.stream.IntStream.range(0, periods.size())
                .mapToObj(i -> series.values().stream().map(amounts -> amounts.get(i))
                        .reduce(Credits.zero(), BigDecimal::add))
                .toList();
    }

    /** The share of the quota used in its window, in percent, two decimals. */
    public BigDecimal quotaUtilization() {
        return QuotaConsumption.utilization(quota.consumed(), quota.creditQuota());
    }

    /** The utilization the bar draws: a bar cannot be fuller than full. */
    public BigDecimal quotaBar() {
        return quotaUtilization().min(BigDecimal.valueOf(100));
    }

    /** How close to its quota the customer is, as the Global Usage report colours it. */
    public String quotaLevel() {
        double used = quotaUtilization().doubleValue();
        return used >= 100 ? "exhausted" : used >= 90 ? "critical" : used >= 80 ? "warning" : "ok";
    }
}
