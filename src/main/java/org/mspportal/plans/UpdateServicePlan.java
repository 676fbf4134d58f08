package org.mspportal.plans;

import java.util.Set;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * A change to a plan: everything but its name, which is fixed at creation.
 *
 * @param name the plan's name, if the caller sends it; a different one is refused
 * @param version the version the caller last saw
 */
public record UpdateServicePlan(
        String name,
        @NotNull(message = "Choose an edition: Business, Enterprise or Elite.")
        Edition edition,
        @NotNull(message = "Choose how often the usage report is sent.")
        UsageReportFrequency usageReportFrequency,
        @NotEmpty(message = "Choose at least one workload.")
        Set<Workload> workloads,
        @NotNull(message = "Send the version of the plan you are changing.")
        Integer version) {
}
