package org.mspportal.customers;

import java.time.Instant;
import java.util.UUID;

/** One move of a customer between service plans, and who made it. */
public record PlanChange(UUID fromPlanId, UUID toPlanId, Instant changedAt, String changedBy) {
}
