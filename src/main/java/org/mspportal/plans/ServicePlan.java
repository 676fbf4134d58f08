package org.mspportal.plans;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A service plan of the caller's MSP as the portal shows it.
 *
 * @param version the version to send back with an update, so a change made meanwhile is not overwritten
 * @param customerCount how many customers are on the plan now
 */
public record ServicePlan(UUID id, String name, Edition edition, UsageReportFrequency usageReportFrequency,
        Set<Workload> workloads, boolean archived, int version, Instant createdAt, long customerCount) {

    public boolean inUse() {
        return customerCount > 0;
    }
}
