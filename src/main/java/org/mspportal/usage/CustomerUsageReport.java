package org.mspportal.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.mspportal.customers.Customer;
import org.mspportal.customers.CustomerManagement;
import org.mspportal.plans.Workload;
import org.mspportal.shared.NotFound;
import org.mspportal.shared.ProviderScope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One customer's usage (SPEC §4, issue 5): by workload over a range, the quota's burn-down and a
 * forecast of the day it runs out. The customer comes from {@link CustomerManagement#get}, which
 * scopes it: another MSP's customer, or one not assigned to a tenant administrator, is not found.
 */
@Service
class CustomerUsageReport {

    private final CustomerManagement customers;
    private final CustomerUsageReads reads;
    private final Clock clock;

    CustomerUsageReport(CustomerManagement customers, CustomerUsageReads reads, Clock clock) {
        this.customers = customers;
        this.reads = reads;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The customer, scoped to the caller: what the range's defaults and limits depend on. */
    @PreAuthorize("isAuthenticated()")
    public Customer customer(UUID id) {
        return customers.get(id);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public CustomerUsage run(Customer customer, CustomerUsageRange range) {
        UUID provider = ProviderScope.current().providerId().orElseThrow(() -> new NotFound("MSP"));
        LocalDate today = today();
        List<CustomerUsageReads.WorkloadDay> days = reads.perWorkloadAndDay(provider, customer.id(), range.from(),
                range.to());
        QuotaBurnDown quota = new QuotaBurnDown(customer.creditQuota(), customer.quotaEffectiveDate(),
                customer.quotaEndDate(), today, customer.quotaEffectiveDate().isAfter(today) ? new java.util.TreeMap<>()
                        : reads.perDay(provider, customer.id(), customer.quotaEffectiveDate(),
                                customer.quotaEndDate().isBefore(today) ? customer.quotaEndDate() : today));
        Map<Workload, BigDecimal> totals = new EnumMap<>(Workload.class);
        days.forEach(day -> totals.merge(day.workload(), day.credits(), BigDecimal::add));
        BigDecimal total = totals.values().stream().reduce(Credits.zero(), BigDecimal::add);
        List<CustomerUsage.WorkloadCredits> byWorkload = new ArrayList<>();
        totals.forEach((workload, credits) -> {
            if (credits.signum() != 0) {
                byWorkload.add(new CustomerUsage.WorkloadCredits(workload, credits, total.signum() == 0
                        ? BigDecimal.ZERO : credits.multiply(BigDecimal.valueOf(100)).divide(total, 1,
                                RoundingMode.HALF_UP)));
            }
        });
        byWorkload.sort(Comparator.comparing(CustomerUsage.WorkloadCredits::credits).reversed()
                .thenComparing(CustomerUsage.WorkloadCredits::workload));
        List<LocalDate> periods = periods(range);
        return new CustomerUsage(customer, range, total, byWorkload, periods, series(range, periods, days, byWorkload),
                quota);
    }

    private static List<LocalDate> periods(CustomerUsageRange range) {
        List<LocalDate> periods = new ArrayList<>();
        LocalDate period = range.monthly() ? range.from().withDayOfMonth(1) : range.from();
        while (!period.isAfter(range.to())) {
            periods.add(period);
            period = range.monthly() ? period.plusMonths(1) : period.plusDays(1);
        }
        return periods;
    }

    /** Every period of the range, zero where nothing was used, per workload with usage. */
    private static Map<Workload, List<BigDecimal>> series(CustomerUsageRange range, List<LocalDate> periods,
            List<CustomerUsageReads.WorkloadDay> days, List<CustomerUsage.WorkloadCredits> used) {
        Map<LocalDate, Integer> index = new HashMap<>();
        for (int i = 0; i < periods.size(); i++) {
            index.put(periods.get(i), i);
        }
        Map<Workload, BigDecimal[]> stacks = new EnumMap<>(Workload.class);
        used.forEach(line -> {
            BigDecimal[] amounts = new BigDecimal[periods.size()];
            Arrays.fill(amounts, Credits.zero());
            stacks.put(line.workload(), amounts);
        });
        for (CustomerUsageReads.WorkloadDay day : days) {
            BigDecimal[] amounts = stacks.get(day.workload());
            Integer at = index.get(range.monthly() ? day.day().withDayOfMonth(1) : day.day());
            if (amounts != null && at != null) {
                amounts[at] = amounts[at].add(day.credits());
            }
        }
        Map<Workload, List<BigDecimal>> series = new LinkedHashMap<>();
        stacks.forEach((workload, amounts) -> series.put(workload, List.of(amounts)));
        return series;
    }
}
