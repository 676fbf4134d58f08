package org.mspportal.notifications;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A row of the outbox. Bodies are blanked once delivered, since they may carry codes or links. */
record OutboundEmail(
        long id,
        Optional<UUID> providerId,
        String recipient,
        String subject,
        String textBody,
        String htmlBody,
        Status status,
        int attempts,
        Instant queuedAt,
        Instant nextAttemptAt,
        Optional<Instant> sentAt,
        Optional<String> lastError) {

    enum Status { PENDING, SENT, FAILED }
}
