package org.mspportal.customers;

import java.time.Instant;

import org.mspportal.identity.Administrator;

/**
 * A tenant administrator assigned to a customer: who, since when, and who assigned them.
 *
 * @param assignedBy the email of the MSP administrator who did it
 */
public record AssignedAdministrator(Administrator administrator, Instant assignedAt, String assignedBy) {
}
