package org.mspportal.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.mspportal.shared.StoredTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Webhook endpoints as stored, with their MSP and encrypted signing secret. */
@Repository
class WebhookEndpoints {

    private static final String SELECT = """
            SELECT id, provider_id, url, description, event_types, enabled, signing_secret, secret_rotated_at,
                   created_at, version
              FROM webhook_endpoint""";

    private final JdbcClient jdbc;

    WebhookEndpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Stored(UUID id, UUID providerId, String url, String description, Set<WebhookEventType> eventTypes,
            boolean enabled, String signingSecret, Optional<Instant> secretRotatedAt, Instant createdAt, int version) {

        WebhookEndpoint shown() {
            return new WebhookEndpoint(id, url, description, eventTypes, enabled, createdAt, secretRotatedAt, version);
        }
    }

    void add(Stored endpoint) {
        jdbc.sql("""
                INSERT INTO webhook_endpoint (id, provider_id, url, description, event_types, enabled, signing_secret,
                                              created_at, version)
                VALUES (:id, :provider, :url, :description, :types, :enabled, :secret, :created, 0)""")
                .param("id", endpoint.id())
                .param("provider", endpoint.providerId())
                .param("url", endpoint.url())
                .param("description", endpoint.description())
                .param("types", stored(endpoint.eventTypes()))
                .param("enabled", endpoint.enabled())
                .param("secret", endpoint.signingSecret())
                .param("created", StoredTime.of(endpoint.createdAt()))
                .update();
    }

    Optional<Stored> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(WebhookEndpoints::row).optional();
    }

    List<Stored> ofProvider(UUID provider) {
        return jdbc.sql(SELECT + " WHERE provider_id = :provider ORDER BY created_at, id")
                .param("provider", provider)
                .query(WebhookEndpoints::row)
                .list();
    }

    /** The MSP's enabled endpoints subscribed to the type. */
    List<Stored> subscribedTo(UUID provider, WebhookEventType type) {
        return ofProvider(provider).stream()
                .filter(endpoint -> endpoint.enabled() && endpoint.eventTypes().contains(type))
                .toList();
    }

    /** Changes what the MSP sets if the endpoint is still at {@code version}; false if it is not. */
    boolean update(UUID id, int version, WebhookEndpointDetails details) {
        return jdbc.sql("""
                UPDATE webhook_endpoint SET url = :url, description = :description, event_types = :types,
                       enabled = :enabled, version = version + 1
                 WHERE id = :id AND version = :version""")
                .param("id", id)
                .param("version", version)
                .param("url", details.url())
                .param("description", details.description())
                .param("types", stored(details.eventTypes()))
                .param("enabled", details.enabled())
                .update() == 1;
    }

    void replaceSecret(UUID id, String signingSecret, Instant rotatedAt) {
        jdbc.sql("""
                UPDATE webhook_endpoint SET signing_secret = :secret, secret_rotated_at = :rotated, version = version + 1
                 WHERE id = :id""")
                .param("id", id)
                .param("secret", signingSecret)
                .param("rotated", StoredTime.of(rotatedAt))
                .update();
    }

    /** Deletes the endpoint and, through the foreign key, its deliveries. */
    void delete(UUID id) {
        jdbc.sql("DELETE FROM webhook_endpoint WHERE id = :id").param("id", id).update();
    }

    private static String stored(Set<WebhookEventType> types) {
        return types.stream().sorted().map(WebhookEventType::typeName).collect(Collectors.joining(","));
    }

    /** Type names no longer known (a type withdrawn) are skipped rather than failing the read. */
    private static Set<WebhookEventType> types(String stored) {
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        Arrays.stream(stored.split(",")).map(WebhookEventType::named).flatMap(Optional::stream).forEach(types::add);
        return types;
    }

    private static Stored row(ResultSet rs, int rowNum) throws SQLException {
        return new Stored(
                rs.getObject("id", UUID.class),
                rs.getObject("provider_id", UUID.class),
                rs.getString("url"),
                rs.getString("description"),
                types(rs.getString("event_types")),
                rs.getBoolean("enabled"),
                rs.getString("signing_secret"),
                StoredTime.read(rs, "secret_rotated_at"),
                StoredTime.required(rs, "created_at"),
                rs.getInt("version"));
    }
}
