package org.mspportal.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an event into one queued delivery per subscribed, enabled endpoint of its MSP, in the
 * caller's transaction: the deliveries commit with the change, or not at all. The body is
 * {@code {"type", "timestamp", "data"}} and is fixed here, so every attempt sends the same bytes.
 */
@Component
class WebhookOutbox {

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final JsonMapper json;
    private final Clock clock;

    WebhookOutbox(WebhookEndpoints endpoints, WebhookDeliveries deliveries, JsonMapper json, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Queues the message for the MSP's endpoints subscribed to its type.
     *
     * @param messageId the {@code webhook-id}; an id the event already has (such as the alert's) makes
     *     handling the same event twice queue nothing more
     */
    void publish(UUID provider, WebhookEventType type, UUID messageId, Map<String, Object> data) {
        List<WebhookEndpoints.Stored> subscribed = endpoints.subscribedTo(provider, type);
        if (!subscribed.isEmpty()) {
            Instant now = clock.instant();
            String payload = payload(type, now, data);
            subscribed.forEach(endpoint -> deliveries.queue(
                    new WebhookDeliveries.NewDelivery(endpoint.id(), provider, messageId, type, payload, now)));
        }
    }

    /** Queues a test message for one endpoint, whatever it subscribes to. */
    void publishTest(WebhookEndpoints.Stored endpoint) {
        Instant now = clock.instant();
        UUID messageId = UUID.randomUUID();
        String payload = payload(WebhookEventType.TEST, now, Map.of("endpointId", endpoint.id().toString(),
                "message", "A test event sent from the portal's Webhooks page."));
        deliveries.queue(new WebhookDeliveries.NewDelivery(endpoint.id(), endpoint.providerId(), messageId,
                WebhookEventType.TEST, payload, now));
    }

    private String payload(WebhookEventType type, Instant at, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.typeName());
        body.put("timestamp", at.toString());
        body.put("data", data);
        return json.writeValueAsString(body);
    }
}
