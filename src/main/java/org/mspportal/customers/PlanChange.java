package org.mspportal.customers;

import java.time.Instant;
import java.util.UUID;

/**
 * One move of a customer between service plans, and who made it. {@code fromPlanId} is null when
 * the MSP's sandbox, created without a plan, was given its first one.
 */
public record PlanChange(UUID fromPlanId, UUID toPlanId, Instant changedAt, String changedBy) {
}
