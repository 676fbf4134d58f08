package org.mspportal.migration;

import java.util.UUID;

/**
 * The MSP's answer at "action required": who approves for the customer, which of the MSP's active
 * MSP administrators handles the migration, and optionally the plan it means to use.
 */
public record Nomination(String cloudAdministratorEmail, UUID handlerAccountId, UUID preparedPlanId) {
}
