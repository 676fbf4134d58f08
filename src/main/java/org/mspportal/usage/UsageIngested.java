package org.mspportal.usage;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * A batch of usage was stored: published in the ingestion's transaction, so listeners that wait
 * for the commit (quota alerts) see the batch's roll-ups and never a batch that was rolled back.
 *
 * @param customerIds the customers the batch had records of
 * @param firstDay the earliest day of the batch's records
 * @param lastDay the latest day of the batch's records
 */
public record UsageIngested(UUID providerId, Set<UUID> customerIds, LocalDate firstDay, LocalDate lastDay) {

    public UsageIngested {
        customerIds = Set.copyOf(customerIds);
    }
}
