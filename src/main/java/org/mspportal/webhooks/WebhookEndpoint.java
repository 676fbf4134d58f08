package org.mspportal.webhooks;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An MSP's webhook endpoint as pages and the API show it: never its signing secret.
 *
 * @param secretRotatedAt when the signing secret was last replaced; empty if never
 * @param version the version a change must be based on
 */
public record WebhookEndpoint(UUID id, String url, String description, Set<WebhookEventType> eventTypes,
        boolean enabled, Instant createdAt, Optional<Instant> secretRotatedAt, int version) {

    public boolean subscribesTo(WebhookEventType type) {
        return eventTypes.contains(type);
    }
}
