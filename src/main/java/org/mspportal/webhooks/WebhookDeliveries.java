package org.mspportal.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.mspportal.shared.StoredTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Deliveries as stored: queued with the change that caused them, claimed by the sender one at a
 * time, and updated with each attempt's outcome. Every statement commits on its own: the sender
 * holds no transaction while it waits for a receiver.
 */
@Repository
class WebhookDeliveries {

    private static final String COLUMNS = """
            id, endpoint_id, message_id, event_type, status, attempts, created_at, next_attempt_at, last_attempt_at,
            last_status_code, last_error, last_duration_ms""";

    private final JdbcClient jdbc;

    WebhookDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A message for one endpoint, due at once. */
    record NewDelivery(UUID endpointId, UUID providerId, UUID messageId, WebhookEventType type, String payload,
            Instant queuedAt) {
    }

    /** What the sender needs for one attempt: where, the secret (encrypted) and the exact body. */
    record Outgoing(UUID id, UUID messageId, String payload, int attempts, String url, String signingSecret) {
    }

    /** Queues the message unless this endpoint already has it (the same alert handled twice). */
    void queue(NewDelivery delivery) {
        jdbc.sql("""
                INSERT INTO webhook_delivery (id, endpoint_id, provider_id, message_id, event_type, payload, status,
                                              attempts, next_attempt_at, created_at)
                VALUES (:id, :endpoint, :provider, :message, :type, :payload, 'PENDING', 0, :now, :now)
                ON CONFLICT DO NOTHING""")
                .param("id", UUID.randomUUID())
                .param("endpoint", delivery.endpointId())
                .param("provider", delivery.providerId())
                .param("message", delivery.messageId())
                .param("type", delivery.type().typeName())
                .param("payload", delivery.payload())
                .param("now", StoredTime.of(delivery.queuedAt()))
                .update();
    }

    /** Pending deliveries whose time has come, oldest first; those of disabled endpoints wait. */
    List<UUID> due(Instant now, int limit) {
        return jdbc.sql("""
                SELECT d.id FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id
                 WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now AND e.enabled
                 ORDER BY d.next_attempt_at, d.id LIMIT :limit""")
                .param("now", StoredTime.of(now))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /**
     * Takes the delivery for one attempt by moving its next attempt to the end of a lease, if it is
     * still pending and due: of two senders, only one changes the row, and only that one sends. A
     * sender that dies mid-attempt leaves it to be tried again once the lease ends.
     */
    Optional<Outgoing> claim(UUID id, Instant now, Instant leaseEnd) {
        int claimed = jdbc.sql("""
                UPDATE webhook_delivery SET next_attempt_at = :leaseEnd
                 WHERE id = :id AND status = 'PENDING' AND next_attempt_at <= :now""")
                .param("id", id)
                .param("now", StoredTime.of(now))
                .param("leaseEnd", StoredTime.of(leaseEnd))
                .update();
        if (claimed == 0) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT d.id, d.message_id, d.payload, d.attempts, e.url, e.signing_secret
                  FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id WHERE d.id = :id""")
                .param("id", id)
                .query((rs, row) -> new Outgoing(rs.getObject("id", UUID.class), rs.getObject("message_id", UUID.class),
                        rs.getString("payload"), rs.getInt("attempts"), rs.getString("url"),
                        rs.getString("signing_secret")))
                .optional();
    }

    /** The outcome of one attempt; {@code nextAttemptAt} null once delivered or given up. */
    record Attempt(WebhookDelivery.Status status, Instant at, Instant nextAttemptAt, Integer statusCode, String error,
            long durationMillis) {
    }

    void record(UUID id, Attempt attempt) {
        jdbc.sql("""
                UPDATE webhook_delivery SET status = :status, attempts = attempts + 1, next_attempt_at = :next,
                       last_attempt_at = :at, last_status_code = :code, last_error = :error, last_duration_ms = :duration
                 WHERE id = :id""")
                .param("id", id)
                .param("status", attempt.status().name())
                .param("next", StoredTime.of(attempt.nextAttemptAt()))
                .param("at", StoredTime.of(attempt.at()))
                .param("code", attempt.statusCode())
                .param("error", attempt.error())
                .param("duration", (int) Math.min(attempt.durationMillis(), Integer.MAX_VALUE))
                .update();
    }

    /** Puts a delivery back in the queue, due now, with a fresh round of attempts. */
    void redeliver(UUID id, Instant now) {
        jdbc.sql("""
                UPDATE webhook_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = :now WHERE id = :id""")
                .param("id", id)
                .param("now", StoredTime.of(now))
                .update();
    }

    /** Deletes delivered and failed deliveries queued before the cutoff; pending ones stay whatever their age. */
    int forgetFinishedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM webhook_delivery WHERE status <> 'PENDING' AND created_at < :cutoff")
                .param("cutoff", StoredTime.of(cutoff))
                .update();
    }

    Optional<WebhookDelivery> find(UUID endpointId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_delivery WHERE id = :id AND endpoint_id = :endpoint")
                .param("id", id)
                .param("endpoint", endpointId)
                .query(WebhookDeliveries::row)
                .optional();
    }

    /** One page of the endpoint's deliveries, newest first. */
    List<WebhookDelivery> ofEndpoint(UUID endpointId, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_delivery WHERE endpoint_id = :endpoint"
                        + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .param("endpoint", endpointId)
                .param("offset", offset)
                .param("limit", limit)
                .query(WebhookDeliveries::row)
                .list();
    }

    long countOf(UUID endpointId) {
        return jdbc.sql("SELECT COUNT(*) FROM webhook_delivery WHERE endpoint_id = :endpoint")
                .param("endpoint", endpointId)
                .query(Long.class)
                .single();
    }

    private static WebhookDelivery row(ResultSet rs, int rowNum) throws SQLException {
        return new WebhookDelivery(
                rs.getObject("id", UUID.class),
                rs.getObject("endpoint_id", UUID.class),
                rs.getObject("message_id", UUID.class),
                rs.getString("event_type"),
                WebhookDelivery.Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                StoredTime.required(rs, "created_at"),
                StoredTime.read(rs, "next_attempt_at").orElse(null),
                StoredTime.read(rs, "last_attempt_at").orElse(null),
                (Integer) rs.getObject("last_status_code"),
                rs.getString("last_error"),
                (Integer) rs.getObject("last_duration_ms"));
    }
}
