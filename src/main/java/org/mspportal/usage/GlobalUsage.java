package org.mspportal.usage;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The Global Usage report of one MSP for a date range and edition (SPEC §4).
 *
 * @param creditsByEdition the total split by the edition usage was filed under, in the order of
 *     {@link GlobalUsageReport#EDITIONS} ("NONE" for customers without a plan); sums to the total
 * @param customers every customer reached, with its credits in the range, by account name
 */
record GlobalUsage(UsageReportFilter filter, BigDecimal totalCredits, BigDecimal hybridCredits, BigDecimal saasCredits,
        Map<String, BigDecimal> creditsByEdition, List<CustomerUsage> customers, Series series) {

    /**
     * One customer's line.
     *
     * @param editions the editions its usage in the range was filed under, or its plan's when it
     *     used nothing; empty for a customer without a plan and without usage
     * @param quotaConsumed credits used inside its quota window (effective to end date), whatever
     *     the report's range or edition: the quota is the customer's, not the report's
     * @param quotaUtilization {@code quotaConsumed} as a percentage of the quota, two decimals
     * @param foldedName the account name {@linkplain GlobalUsage#fold folded} for searches and sorts: folded
     *     once per line, since a refreshed report keeps most lines and is sorted again
     */
    record CustomerUsage(UUID customerId, String accountName, List<String> editions, BigDecimal credits,
            BigDecimal hybridCredits, BigDecimal saasCredits, BigDecimal creditQuota, LocalDate quotaEffectiveDate,
            LocalDate quotaEndDate, BigDecimal quotaConsumed, BigDecimal quotaUtilization, LocalDate licenseExpiryDate,
            String foldedName) {

        CustomerUsage(UUID customerId, String accountName, List<String> editions, BigDecimal credits,
                BigDecimal hybridCredits, BigDecimal saasCredits, BigDecimal creditQuota, LocalDate quotaEffectiveDate,
                LocalDate quotaEndDate, BigDecimal quotaConsumed, BigDecimal quotaUtilization,
                LocalDate licenseExpiryDate) {
            this(customerId, accountName, editions, credits, hybridCredits, saasCredits, creditQuota,
                    quotaEffectiveDate, quotaEndDate, quotaConsumed, quotaUtilization, licenseExpiryDate,
                    fold(accountName));
        }

        /** How close to its quota the customer is: ok, warning (80 %), critical (90 %) or exhausted (100 %). */
        public String quotaLevel() {
            if (quotaUtilization.compareTo(BigDecimal.valueOf(100)) >= 0) {
                return "exhausted";
            }
            if (quotaUtilization.compareTo(BigDecimal.valueOf(90)) >= 0) {
                return "critical";
            }
            return quotaUtilization.compareTo(BigDecimal.valueOf(80)) >= 0 ? "warning" : "ok";
        }

        /** The utilization the bar draws: a bar cannot be fuller than full. */
        public BigDecimal quotaBar() {
            return quotaUtilization.min(BigDecimal.valueOf(100));
        }
    }

    /**
     * Credits over time, stacked by edition.
     *
     * @param monthly true when each period is a month (starting on its first day), false for days
     * @param creditsByEdition per edition with any usage, one amount per period
     */
    record Series(boolean monthly, List<LocalDate> periods, Map<String, List<BigDecimal>> creditsByEdition) {
    }

    /** The columns the customer table sorts by. */
    enum Column {
        NAME(Comparator.comparing(CustomerUsage::foldedName)),
        EDITION(Comparator.comparing(customer -> String.join(",", customer.editions()))),
        CREDITS(Comparator.comparing(CustomerUsage::credits)),
        QUOTA(Comparator.comparing(CustomerUsage::creditQuota)),
        UTILIZATION(Comparator.comparing(CustomerUsage::quotaUtilization)),
        LICENCE_EXPIRY(Comparator.comparing(CustomerUsage::licenseExpiryDate));

        private final Comparator<CustomerUsage> order;

        Column(Comparator<CustomerUsage> order) {
            this.order = order;
        }

        /** This column's order, ties broken by name and id so paging never repeats a line. */
        private Comparator<CustomerUsage> order(boolean descending) {
            Comparator<CustomerUsage> primary = descending ? order.reversed() : order;
            return primary.thenComparing(CustomerUsage::foldedName).thenComparing(CustomerUsage::customerId);
        }
    }

    /** The customers whose account name contains {@code search} (any case, any Unicode form), sorted. */
    List<CustomerUsage> customers(String search, Column column, boolean descending) {
        String folded = search == null ? "" : fold(search.strip());
        return customers.stream().filter(customer -> folded.isEmpty() || customer.foldedName().contains(folded))
                .sorted(column.order(descending)).toList();
    }

    public boolean hasUsage() {
        return totalCredits.signum() > 0;
    }

    /** Composed (NFC) and lower-cased, so "Café" typed with a combining accent finds "Café". */
    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
