package org.mspportal.plans;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.context.TestComponent;

/**
 * Stands in for the customers module, which is not built yet: tests say how many customers a plan
 * has. Plan tests all {@code @Import} it, so they share one application context.
 */
@TestComponent
class CountedCustomers implements PlanUsage {

    private final Map<UUID, Long> customers = new ConcurrentHashMap<>();

    void onPlan(UUID planId, long count) {
        customers.put(planId, count);
    }

    @Override
    public Map<UUID, Long> customersPerPlan(UUID providerId) {
        return Map.copyOf(customers);
    }
}
