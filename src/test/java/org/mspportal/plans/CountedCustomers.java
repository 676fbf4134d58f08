package org.mspportal.plans;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Primary;

/**
 * Stands in for the customers module's count, so plan tests say how many customers a plan has
 * without making customers. Primary, so it wins over the real count in the tests that import it;
 * plan tests all {@code @Import} it, so they share one application context.
 */
@TestComponent
@Primary
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
