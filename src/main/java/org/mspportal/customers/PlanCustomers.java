package org.mspportal.customers;

import java.util.Map;
import java.util.UUID;

import org.mspportal.plans.PlanUsage;
import org.springframework.stereotype.Component;

/** Tells the plans module how many customers are on each plan, so a plan in use cannot be deleted. */
@Component
class PlanCustomers implements PlanUsage {

    private final Customers customers;

    PlanCustomers(Customers customers) {
        this.customers = customers;
    }

    @Override
    public Map<UUID, Long> customersPerPlan(UUID providerId) {
        return customers.countPerPlan(providerId);
    }
}
