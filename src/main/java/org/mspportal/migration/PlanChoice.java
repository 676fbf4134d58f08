package org.mspportal.migration;

import org.mspportal.plans.ServicePlan;

/** One of the MSP's plans, and whether it covers the licence being migrated. */
public record PlanChoice(ServicePlan plan, boolean compatible) {
}
