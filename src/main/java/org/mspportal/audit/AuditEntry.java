package org.mspportal.audit;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One recorded action. There is no way to change or remove one once written. */
public record AuditEntry(
        long id,
        Instant occurredAt,
        Optional<UUID> providerId,
        String actor,
        Optional<String> actorAddress,
        String action,
        String objectType,
        String objectId,
        String summary,
        String details) {
}
