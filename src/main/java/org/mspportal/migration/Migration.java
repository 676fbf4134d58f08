package org.mspportal.migration;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A migration of a source account into an MSP as pages and the API show it. No token is part of it.
 *
 * @param reference a short name for people and messages, e.g. {@code MIG-1A2B3C4D}
 * @param verificationTokenExpiresAt when the current verification token stops working, if one was issued
 */
public record Migration(UUID id, String reference, UUID sourceAccountId, String accountName, Licence licence,
        UUID providerId, String providerName, Stage stage, String raisedBy, String cloudAdministratorEmail,
        UUID handlerAccountId, String handlerEmail, UUID preparedPlanId, UUID selectedPlanId, UUID customerId,
        Instant verificationTokenExpiresAt, Instant raisedAt, Instant changedAt, int version) {

    static String referenceOf(UUID id) {
        return "MIG-" + id.toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    public Optional<Instant> verificationExpiry() {
        return Optional.ofNullable(verificationTokenExpiresAt);
    }

    /** Who must act now, and what they must do, in a line. */
    public String whoActs() {
        return switch (stage) {
            case ACTION_REQUIRED -> "An MSP administrator of " + providerName
                    + ": nominate the customer's cloud administrator and who handles the migration.";
            case CUSTOMER_APPROVAL -> "The customer's cloud administrator (" + cloudAdministratorEmail
                    + "): approve or decline the migration from the emailed link.";
            case MSP_VERIFICATION -> handlerEmail + ": enter the emailed verification token and choose the service plan.";
            case FINALISING -> "The platform operator: finalise the migration of the hybrid workloads.";
            case COMPLETED, DECLINED, CANCELLED -> "Nobody: the migration is " + stage.label().toLowerCase(Locale.ROOT)
                    + ".";
        };
    }
}
