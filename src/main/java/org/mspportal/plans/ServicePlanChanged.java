package org.mspportal.plans;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.mspportal.shared.Auditable;

/** Something that happened to a service plan, for the audit log, with its values before and after. */
public record ServicePlanChanged(String action, UUID planId, UUID provider, String summary,
        Map<String, Object> details) implements Auditable {

    static ServicePlanChanged created(ServicePlans.Stored plan) {
        return new ServicePlanChanged("service-plan.created", plan.id(), plan.providerId(),
                "Created service plan \"" + plan.name() + "\"", Map.of("after", values(plan)));
    }

    static ServicePlanChanged updated(ServicePlans.Stored before, ServicePlans.Stored after) {
        return new ServicePlanChanged("service-plan.updated", after.id(), after.providerId(),
                "Changed service plan \"" + after.name() + "\"",
                Map.of("before", values(before), "after", values(after)));
    }

    static ServicePlanChanged archived(ServicePlans.Stored plan) {
        return new ServicePlanChanged("service-plan.archived", plan.id(), plan.providerId(),
                "Archived service plan \"" + plan.name() + "\"", Map.of("name", plan.name()));
    }

    static ServicePlanChanged unarchived(ServicePlans.Stored plan) {
        return new ServicePlanChanged("service-plan.unarchived", plan.id(), plan.providerId(),
                "Restored archived service plan \"" + plan.name() + "\"", Map.of("name", plan.name()));
    }

    static ServicePlanChanged deleted(ServicePlans.Stored plan) {
        return new ServicePlanChanged("service-plan.deleted", plan.id(), plan.providerId(),
                "Deleted service plan \"" + plan.name() + "\"", Map.of("before", values(plan)));
    }

    private static Map<String, Object> values(ServicePlans.Stored plan) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", plan.name());
        values.put("edition", plan.edition().name());
        values.put("usageReportFrequency", plan.frequency().name());
        values.put("workloads", List.copyOf(plan.workloads().stream().sorted().map(Workload::name).toList()));
        return values;
    }

    @Override
    public String objectType() {
        return "service-plan";
    }

    @Override
    public String objectId() {
        return planId.toString();
    }

    @Override
    public Optional<UUID> providerId() {
        return Optional.of(provider);
    }
}
