/**
 * The service plans an MSP sells: edition, usage report frequency and the workloads they allow.
 * Customers are put on plans; the customers module tells this one how many through {@link
 * org.mspportal.plans.PlanUsage}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.mspportal.plans;
