package org.mspportal.migration;

/**
 * What the customer's cloud administrator sees behind the approval link: what moves where, and
 * nothing else of the MSP or the portal.
 */
public record ApprovalRequest(String reference, String accountName, Licence licence, String providerName,
        String cloudAdministratorEmail) {
}
