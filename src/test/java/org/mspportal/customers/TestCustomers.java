package org.mspportal.customers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;

import org.mspportal.plans.CreateServicePlan;
import org.mspportal.plans.Edition;
import org.mspportal.plans.ServicePlanManagement;
import org.mspportal.plans.UsageReportFrequency;
import org.mspportal.plans.Workload;

/** Customers registered through the façade by whoever the test acts as, each on a new plan of its own. */
final class TestCustomers {

    private final ServicePlanManagement plans;
    private final CustomerManagement customers;
    private final Clock clock;

    TestCustomers(ServicePlanManagement plans, CustomerManagement customers, Clock clock) {
        this.plans = plans;
        this.customers = customers;
        this.clock = clock;
    }

    Customer registered(String name) {
        return customers.register(draft(name, plan()));
    }

    /** A valid command to add a customer with this name on that plan. */
    RegisterCustomer draft(String name, UUID plan) {
        CustomerManagementTests.Draft draft = new CustomerManagementTests.Draft(LocalDate.now(clock));
        draft.name = name;
        return draft.build(null, plan);
    }

    UUID plan() {
        return plans.create(new CreateServicePlan("Plan " + UUID.randomUUID(), Edition.BUSINESS,
                UsageReportFrequency.MONTHLY, EnumSet.of(Workload.NAS))).id();
    }
}
