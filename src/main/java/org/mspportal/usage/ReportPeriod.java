package org.mspportal.usage;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;

import org.mspportal.plans.UsageReportFrequency;

/**
 * One period of a plan's usage report frequency, both days included, in calendar terms (UTC):
 * months; quarters January–March, April–June…; halves January–June and July–December; years.
 */
record ReportPeriod(UsageReportFrequency frequency, LocalDate start, LocalDate end) {

    /** The latest period that ended before {@code today}: yesterday or earlier. */
    static ReportPeriod lastEndedBefore(UsageReportFrequency frequency, LocalDate today) {
        int months = months(frequency);
        int firstMonth = (today.getMonthValue() - 1) / months * months + 1;
        LocalDate current = LocalDate.of(today.getYear(), firstMonth, 1);
        LocalDate start = current.minusMonths(months);
        return new ReportPeriod(frequency, start, current.minusDays(1));
    }

    /** "November 2026", "Q4 2026", "H2 2026" or "2026". */
    String label() {
        int year = start.getYear();
        if (frequency == UsageReportFrequency.MONTHLY) {
            return start.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + year;
        }
        if (frequency == UsageReportFrequency.QUARTERLY) {
            return "Q" + ((start.getMonthValue() - 1) / 3 + 1) + " " + year;
        }
        if (frequency == UsageReportFrequency.HALF_YEARLY) {
            return "H" + ((start.getMonthValue() - 1) / 6 + 1) + " " + year;
        }
        return String.valueOf(year);
    }

    private static int months(UsageReportFrequency frequency) {
        if (frequency == UsageReportFrequency.MONTHLY) {
            return 1;
        }
        if (frequency == UsageReportFrequency.QUARTERLY) {
            return 3;
        }
        return frequency == UsageReportFrequency.HALF_YEARLY ? 6 : 12;
    }
}
