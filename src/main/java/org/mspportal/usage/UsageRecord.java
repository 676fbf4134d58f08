package org.mspportal.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;

import org.mspportal.plans.Edition;
import org.mspportal.plans.Workload;

/**
 * A checked usage record, ready to store.
 *
 * @param storedBytes null when the client sent credits only
 * @param edition the edition of the customer's plan on {@code date}; null when it had no plan
 */
record UsageRecord(UUID customerId, Workload workload, LocalDate date, Long storedBytes, BigDecimal credits,
        Edition edition) {

    Key key() {
        return new Key(customerId, date, workload);
    }

    /** What identifies a record: a later one with the same key replaces it. */
    record Key(UUID customerId, LocalDate date, Workload workload) implements Comparable<Key> {

        private static final Comparator<Key> ORDER = Comparator.comparing(Key::customerId)
                .thenComparing(Key::date).thenComparing(Key::workload);

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }
}
