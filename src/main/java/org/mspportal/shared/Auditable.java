package org.mspportal.shared;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An event that the audit log records. Modules publish their domain events as usual; those
 * implementing this interface become audit entries in the publishing transaction, so a change
 * and its audit entry commit or roll back together.
 */
public interface Auditable {

    /** What happened, as {@code object.verb} in the past tense, e.g. {@code customer.suspended}. */
    String action();

    /** The kind of object acted on, e.g. {@code customer}. */
    String objectType();

    /** The id of the object acted on. */
    String objectId();

    /** The MSP the object belongs to; empty for platform-level objects. */
    Optional<UUID> providerId();

    /**
     * Who acted, when the event knows better than the security context: an unauthenticated step
     * such as a failed sign-in names the email it was for. Empty means "the signed-in person", or
     * {@code system} for scheduled work.
     */
    default Optional<String> actor() {
        return Optional.empty();
    }

    /** One human-readable line for the audit page. */
    default String summary() {
        return action() + " " + objectType() + " " + objectId();
    }

    /** Values worth keeping, such as before/after of a change. Never secrets. */
    default Map<String, Object> details() {
        return Map.of();
    }
}
