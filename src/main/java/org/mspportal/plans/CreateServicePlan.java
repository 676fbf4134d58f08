package org.mspportal.plans;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new service plan, as the form or the API gives it. */
public record CreateServicePlan(
        @NotBlank(message = "Give the plan a name.")
        @Size(max = ServicePlanManagement.MAX_NAME_LENGTH, message = "Use at most {max} characters.")
        String name,
        @NotNull(message = "Choose an edition: Business, Enterprise or Elite.")
        Edition edition,
        @NotNull(message = "Choose how often the usage report is sent.")
        UsageReportFrequency usageReportFrequency,
        @NotEmpty(message = "Choose at least one workload.")
        Set<Workload> workloads) {
}
