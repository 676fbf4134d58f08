package org.mspportal.migration;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;


/**
 * A migration moved to another stage (or was raised, {@code from} null). Published in the
 * transaction that moved it: the audit log records it, and webhooks can announce it.
 *
 * @param actorName who acted, a person's email or {@code system}
 */
public record MigrationStageChanged(UUID migrationId, String reference, UUID provider, UUID sourceAccountId,
        String accountName, Stage from, Stage to, String actorName, boolean unauthenticatedActor, Instant at,
        String note) implements MigrationEvent {

    @Override
    public String action() {
        return "migration." + switch (to) {
            case ACTION_REQUIRED -> "raised";
            case CUSTOMER_APPROVAL -> "nominated";
            case MSP_VERIFICATION -> "approved";
            case FINALISING -> "verified";
            default -> to.name().toLowerCase(Locale.ROOT);
        };
    }

    /** The customer's cloud administrator acts from an emailed link, signed in as nobody. */
    @Override
    public Optional<String> actor() {
        return unauthenticatedActor ? Optional.of(actorName) : Optional.empty();
    }

    @Override
    public String summary() {
        return "Migration " + reference + " of \"" + accountName + "\": " + (from == null ? "raised" : from.label()
                + " → " + to.label());
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", from == null ? "" : from.name());
        details.put("to", to.name());
        if (note != null) {
            details.put("note", note);
        }
        return details;
    }
}
