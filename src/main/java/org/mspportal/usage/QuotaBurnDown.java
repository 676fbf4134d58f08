package org.mspportal.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.mspportal.shared.WrittenDate;

/**
 * A customer's quota window as it burns down: the quota minus the credits used from the
 * effective date up to each day, and a forecast of the day nothing is left.
 *
 * <p><b>How the forecast is computed.</b> The recent rate is the average credits per day over the
 * 30 days that end on the latest day with usage in the window (counting days without usage as
 * zero), or over fewer days when the window, or the customer's first usage in it, is younger than
 * that. The credits still left are spread at that rate over the days after the latest day with
 * usage (days not reported yet are assumed to be used at the same rate): the quota runs out on the
 * day the cumulative consumption reaches the quota. There is no forecast when the latest usage is
 * more than 30 days old ("no recent usage") or when that day falls after the window's end ("not
 * within the quota window"). A quota already used up shows the day it ran out.
 *
 * @param daily credits per day inside the window, up to today, only days with usage
 */
record QuotaBurnDown(BigDecimal creditQuota, LocalDate effectiveDate, LocalDate endDate, LocalDate today,
        SortedMap<LocalDate, BigDecimal> daily) {

    /** How many days, ending with the latest usage, the recent rate averages. */
    static final int RATE_DAYS = 30;

    QuotaBurnDown {
        daily = new TreeMap<>(daily);
        daily.values().removeIf(credits -> credits.signum() == 0);
    }

    enum Outlook {
        /** The quota will run out inside the window at the recent rate. */
        RUNS_OUT,
        /** The quota is used up already. */
        EXHAUSTED,
        /** At the recent rate the quota lasts beyond the window (or the window has ended with credits left). */
        NOT_WITHIN_QUOTA_WINDOW,
        /** Nothing used in the 30 days up to today (or the window has not started). */
        NO_RECENT_USAGE
    }

    /**
     * @param exhaustedOn the day the quota runs (or ran) out; null unless RUNS_OUT or EXHAUSTED
     * @param dailyRate recent credits per day; zero without recent usage
     * @param basisFrom first day the rate averages; null without recent usage
     * @param basisTo last day the rate averages (the latest day with usage); null without recent usage
     */
    record Forecast(Outlook outlook, LocalDate exhaustedOn, BigDecimal dailyRate, LocalDate basisFrom,
            LocalDate basisTo, String basis) {

        public long basisDays() {
            return basisFrom == null ? 0 : ChronoUnit.DAYS.between(basisFrom, basisTo) + 1;
        }
    }

    /** The last day usage can count: today, or the window's end when it has ended. */
    public LocalDate asOf() {
        return endDate.isBefore(today) ? endDate : today;
    }

    public boolean started() {
        return !effectiveDate.isAfter(today);
    }

    public BigDecimal consumed() {
        return daily.values().stream().reduce(Credits.zero(), BigDecimal::add);
    }

    /** Quota minus consumption: negative once more than the quota is used. */
    public BigDecimal remaining() {
        return creditQuota.subtract(consumed());
    }

    /** The credits left at the end of each day of the window so far (effective date to today). */
    List<Map.Entry<LocalDate, BigDecimal>> remainingPerDay() {
        List<Map.Entry<LocalDate, BigDecimal>> days = new ArrayList<>();
        BigDecimal left = creditQuota;
        for (LocalDate day = effectiveDate; !day.isAfter(asOf()); day = day.plusDays(1)) {
            left = left.subtract(daily.getOrDefault(day, BigDecimal.ZERO));
            days.add(Map.entry(day, left));
        }
        return days;
    }

    /** The day the cumulative consumption first reached the quota, if it has. */
    LocalDate ranOutOn() {
        BigDecimal used = BigDecimal.ZERO;
        for (Map.Entry<LocalDate, BigDecimal> day : daily.entrySet()) {
            used = used.add(day.getValue());
            if (used.compareTo(creditQuota) >= 0) {
                return day.getKey();
            }
        }
        return null;
    }

    Forecast forecast() {
        LocalDate ranOut = ranOutOn();
        if (!started() || daily.isEmpty() || daily.lastKey().isBefore(today.minusDays(RATE_DAYS - 1L))) {
            if (ranOut != null) {
                return new Forecast(Outlook.EXHAUSTED, ranOut, Credits.zero(), null, null,
                        "The quota ran out on " + WrittenDate.of(ranOut) + ": " + plain(consumed()) + " of "
                                + plain(creditQuota) + " credits used.");
            }
            String why = !started()
                    ? "The quota window starts on " + WrittenDate.of(effectiveDate) + "; nothing to forecast yet."
                    : "No usage in the " + RATE_DAYS + " days up to " + WrittenDate.of(today)
                            + ", so there is no recent rate.";
            return new Forecast(Outlook.NO_RECENT_USAGE, null, Credits.zero(), null, null, why);
        }
        LocalDate basisTo = daily.lastKey();
        LocalDate basisFrom = latest(basisTo.minusDays(RATE_DAYS - 1L), daily.firstKey());
        BigDecimal inBasis = daily.subMap(basisFrom, basisTo.plusDays(1)).values().stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        long days = ChronoUnit.DAYS.between(basisFrom, basisTo) + 1;
        BigDecimal rate = inBasis.divide(BigDecimal.valueOf(days), Credits.SCALE, RoundingMode.HALF_UP);
        String averaged = "Average of " + plain(rate) + " credits a day over the " + days + " day"
                + (days == 1 ? "" : "s") + " from " + WrittenDate.of(basisFrom) + " to " + WrittenDate.of(basisTo)
                + " (the latest day with usage)";
        if (ranOut != null) {
            return new Forecast(Outlook.EXHAUSTED, ranOut, rate, basisFrom, basisTo, "The quota ran out on "
                    + WrittenDate.of(ranOut) + ": " + plain(consumed()) + " of " + plain(creditQuota)
                    + " credits used. " + averaged + ".");
        }
        if (endDate.isBefore(today)) {
            return new Forecast(Outlook.NOT_WITHIN_QUOTA_WINDOW, null, rate, basisFrom, basisTo,
                    "The quota window ended on " + WrittenDate.of(endDate) + " with " + plain(remaining())
                            + " credits left.");
        }
        long daysLeft = remaining().divide(rate, 0, RoundingMode.CEILING).longValue();
        LocalDate runsOut = basisTo.plusDays(daysLeft);
        String spread = averaged + "; the " + plain(remaining()) + " credits left last " + daysLeft + " more day"
                + (daysLeft == 1 ? "" : "s") + " at that rate";
        if (runsOut.isAfter(endDate)) {
            return new Forecast(Outlook.NOT_WITHIN_QUOTA_WINDOW, null, rate, basisFrom, basisTo,
                    spread + ", beyond the window's end on " + WrittenDate.of(endDate) + ".");
        }
        return new Forecast(Outlook.RUNS_OUT, runsOut, rate, basisFrom, basisTo,
                spread + ", until " + WrittenDate.of(runsOut) + ".");
    }

    private static LocalDate latest(LocalDate one, LocalDate other) {
        return one.isAfter(other) ? one : other;
    }

    private static String plain(BigDecimal credits) {
        return credits.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
