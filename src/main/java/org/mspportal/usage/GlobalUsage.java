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
     */
    record CustomerUsage(UUID customerId, String accountName, List<String> editions, BigDecimal credits,
            BigDecimal hybridCredits, BigDecimal saasCredits, BigDecimal creditQuota, LocalDate quotaEffectiveDate,
            LocalDate quotaEndDate, BigDecimal quotaConsumed, BigDecimal quotaUtilization, LocalDate licenseExpiryDate) {

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
        NAME(Comparator.comparing(Named::name)),
        EDITION(Comparator.comparing(named -> String.join(",", named.customer().editions()))),
        CREDITS(Comparator.comparing(named -> named.customer().credits())),
        QUOTA(Comparator.comparing(named -> named.customer().creditQuota())),
        UTILIZATION(Comparator.comparing(named -> named.customer().quotaUtilization())),
        LICENCE_EXPIRY(Comparator.comparing(named -> named.customer().licenseExpiryDate()));

        private final Comparator<Named> order;

        Column(Comparator<Named> order) {
            this.order = order;
        }

        /** This column's order, ties broken by name and id so paging never repeats a line. */
        private Comparator<Named> order(boolean descending) {
            Comparator<Named> primary = descending ? order.reversed() : order;
            return primary.thenComparing(Named::name).thenComparing(named -> named.customer().customerId());
        }
    }

    /** A line with its folded name, folded once rather than in every comparison of a sort. */
    private record Named(CustomerUsage customer, String name) {
    }

    /** The customers whose account name contains {@code search} (any case, any Unicode form), sorted. */
    List<CustomerUsage> customers(String search, Column column, boolean descending) {
        String folded = search == null ? "" : fold(search.strip());
        return customers.stream().map(customer -> new Named(customer, fold(customer.accountName())))
                .filter(named -> folded.isEmpty() || named.name().contains(folded))
                .sorted(column.order(descending)).map(Named::customer).toList();
    }

    public boolean hasUsage() {
        return totalCredits.signum() > 0;
    }

    /** Composed (NFC) and lower-cased, so "Café" typed with a combining accent finds "Café". */
    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
