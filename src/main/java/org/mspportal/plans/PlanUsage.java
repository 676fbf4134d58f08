package org.mspportal.plans;

import java.util.Map;
import java.util.UUID;

/**
 * How many customers are on each plan. The customers module implements it; without it, no plan
 * has customers. Plans not in the map have none.
 */
public interface PlanUsage {

    Map<UUID, Long> customersPerPlan(UUID providerId);
}
