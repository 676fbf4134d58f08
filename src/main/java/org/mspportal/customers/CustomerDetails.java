package org.mspportal.customers;

import java.util.List;

/**
 * A customer with what its page shows beside it: its moves between plans, oldest first, and the
 * reference of the migration moving it ({@code null} unless one is).
 */
public record CustomerDetails(Customer customer, List<PlanChange> planHistory, String migrationMoving) {
}
