package org.mspportal.webhooks;

import java.time.Instant;
import java.util.UUID;

/**
 * One message to one endpoint and the outcome of its attempts so far. The {@code last…} values are
 * null until the first attempt; {@code nextAttemptAt} is null once delivered or failed.
 *
 * @param messageId the {@code webhook-id} header, the same on every attempt
 * @param eventType the type name, such as {@code alert.raised}
 * @param lastStatusCode the receiver's HTTP status on the last attempt; null when none came (timeout, refused)
 */
public record WebhookDelivery(UUID id, UUID endpointId, UUID messageId, String eventType, Status status,
        int attempts, Instant createdAt, Instant nextAttemptAt, Instant lastAttemptAt, Integer lastStatusCode,
        String lastError, Integer lastDurationMillis) {

    public enum Status {
        /** Waiting for its first attempt or a retry. */
        PENDING,
        /** A 2xx answer came. */
        DELIVERED,
        /** Every attempt failed; only "redeliver" tries again. */
        FAILED
    }
}
