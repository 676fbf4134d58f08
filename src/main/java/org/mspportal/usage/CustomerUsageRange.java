package org.mspportal.usage;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.mspportal.customers.Customer;
import org.mspportal.shared.RejectedInput;

/**
 * The days a customer's usage page covers, both included. By default the customer's current
 * quota window up to today (the last 30 days while the window has not started). A range covers at
 * most a year, or the quota window when that is longer, which bounds the raw records read for the
 * split by workload.
 */
record CustomerUsageRange(LocalDate from, LocalDate to) {

    static final int LONGEST_DAYS = 366;

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    public boolean monthly() {
        return days() > GlobalUsageReport.LONGEST_DAILY_SERIES;
    }

    /** The range of request parameters, each optional; a bad one is refused naming it. */
    static CustomerUsageRange of(String from, String to, Customer customer, LocalDate today) {
        CustomerUsageRange fallback = quotaWindow(customer, today);
        UsageReportFilter parsed = UsageReportFilter.of(blank(from) ? fallback.from().toString() : from,
                blank(to) ? fallback.to().toString() : to, null, today);
        CustomerUsageRange range = new CustomerUsageRange(parsed.from(), parsed.to());
        boolean insideWindow = !range.from().isBefore(customer.quotaEffectiveDate())
                && !range.to().isAfter(customer.quotaEndDate());
        if (range.days() > LONGEST_DAYS && !insideWindow) {
            throw new RejectedInput("to", "Choose at most a year, or dates inside the quota window ("
                    + customer.quotaEffectiveDate() + " to " + customer.quotaEndDate() + ").");
        }
        return range;
    }

    static CustomerUsageRange quotaWindow(Customer customer, LocalDate today) {
        if (customer.quotaEffectiveDate().isAfter(today)) {
            return lastDays(30, today);
        }
        LocalDate end = customer.quotaEndDate().isBefore(today) ? customer.quotaEndDate() : today;
        return new CustomerUsageRange(customer.quotaEffectiveDate(), end);
    }

    static CustomerUsageRange lastDays(int days, LocalDate today) {
        return new CustomerUsageRange(today.minusDays(days - 1L), today);
    }

    static CustomerUsageRange lastTwelveMonths(LocalDate today) {
        return new CustomerUsageRange(today.withDayOfMonth(1).minusMonths(11), today);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
