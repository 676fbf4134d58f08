package org.mspportal.audit;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

record NewAuditEntry(
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
