package org.mspportal.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import org.mspportal.plans.Edition;
import org.mspportal.plans.Workload;

/**
 * The changes a batch makes to the daily and monthly roll-ups (and the MSP's daily one), summed in memory first so each
 * roll-up row is written once per batch, in key order (two batches then lock rows in the same
 * order and cannot deadlock). A replaced record adds its new credits and takes back its old ones.
 */
final class RollUps {

    /** The roll-ups' edition for usage of a customer without a plan: a key column cannot be NULL. */
    static final String NO_EDITION = "NONE";

    private final SortedMap<Period, Amount> daily = new TreeMap<>();
    private final SortedMap<Period, Amount> monthly = new TreeMap<>();
    private final SortedMap<ProviderDay, BigDecimal> providerDaily = new TreeMap<>();

    /** A roll-up row: a customer's day (or month, starting on its first day) under one edition. */
    record Period(UUID customerId, LocalDate start, String edition) implements Comparable<Period> {

        private static final Comparator<Period> ORDER = Comparator.comparing(Period::customerId)
                .thenComparing(Period::start).thenComparing(Period::edition);

        @Override
        public int compareTo(Period other) {
            return ORDER.compare(this, other);
        }
    }

    /** A row of the MSP's own daily roll-up: a day under one edition. */
    record ProviderDay(LocalDate day, String edition) implements Comparable<ProviderDay> {

        private static final Comparator<ProviderDay> ORDER = Comparator.comparing(ProviderDay::day)
                .thenComparing(ProviderDay::edition);

        @Override
        public int compareTo(ProviderDay other) {
            return ORDER.compare(this, other);
        }
    }

    /** Credits of hybrid workloads and of SaaS apps and endpoints; the product summary shows both. */
    record Amount(BigDecimal hybrid, BigDecimal saas) {

        static Amount of(Workload workload, BigDecimal credits) {
            return workload.group() == Workload.Group.HYBRID ? new Amount(credits, Credits.zero())
                    : new Amount(Credits.zero(), credits);
        }

        Amount plus(Amount other) {
            return new Amount(hybrid.add(other.hybrid), saas.add(other.saas));
        }

        BigDecimal total() {
            return hybrid.add(saas);
        }

        boolean isZero() {
            return hybrid.signum() == 0 && saas.signum() == 0;
        }
    }

    void add(UsageRecord record) {
        add(record.customerId(), record.date(), record.edition(), record.workload(), record.credits());
    }

    /** Takes back a record's credits, when a newer figure replaces it. */
    void subtract(UUID customerId, LocalDate day, Edition edition, Workload workload, BigDecimal credits) {
        add(customerId, day, edition, workload, credits.negate());
    }

    private void add(UUID customerId, LocalDate day, Edition edition, Workload workload, BigDecimal credits) {
        String filedUnder = edition == null ? NO_EDITION : edition.name();
        Amount amount = Amount.of(workload, credits);
        daily.merge(new Period(customerId, day, filedUnder), amount, Amount::plus);
        monthly.merge(new Period(customerId, day.withDayOfMonth(1), filedUnder), amount, Amount::plus);
        providerDaily.merge(new ProviderDay(day, filedUnder), credits, BigDecimal::add);
    }

    /** The changes to days, in key order, without those that cancel out. */
    Map<Period, Amount> daily() {
        return changed(daily);
    }

    Map<Period, Amount> monthly() {
        return changed(monthly);
    }

    /** The changes to the MSP's days, in key order, without those that cancel out. */
    Map<ProviderDay, BigDecimal> providerDaily() {
        SortedMap<ProviderDay, BigDecimal> changed = new TreeMap<>(providerDaily);
        changed.values().removeIf(credits -> credits.signum() == 0);
        return Collections.unmodifiableSortedMap(changed);
    }

    private static Map<Period, Amount> changed(SortedMap<Period, Amount> changes) {
        SortedMap<Period, Amount> changed = new TreeMap<>(changes);
        changed.values().removeIf(Amount::isZero);
        return Collections.unmodifiableSortedMap(changed);
    }
}
