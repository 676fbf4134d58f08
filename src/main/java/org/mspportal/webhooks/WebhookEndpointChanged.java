package org.mspportal.webhooks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.mspportal.shared.Auditable;

/**
 * Something an MSP administrator did to a webhook endpoint, for the audit log: registered, changed
 * (values before and after), deleted, its secret rotated, a test event sent, a delivery redelivered.
 * Never the secret itself.
 */
public record WebhookEndpointChanged(String action, UUID endpointId, UUID provider, String summary,
        Map<String, Object> details) implements Auditable {

    static WebhookEndpointChanged registered(WebhookEndpoints.Stored endpoint) {
        return new WebhookEndpointChanged("webhook-endpoint.created", endpoint.id(), endpoint.providerId(),
                "Added webhook endpoint " + endpoint.url(), Map.of("after", values(endpoint)));
    }

    static WebhookEndpointChanged updated(WebhookEndpoints.Stored before, WebhookEndpoints.Stored after) {
        return new WebhookEndpointChanged("webhook-endpoint.updated", after.id(), after.providerId(),
                "Changed webhook endpoint " + after.url(), Map.of("before", values(before), "after", values(after)));
    }

    static WebhookEndpointChanged deleted(WebhookEndpoints.Stored endpoint) {
        return new WebhookEndpointChanged("webhook-endpoint.deleted", endpoint.id(), endpoint.providerId(),
                "Deleted webhook endpoint " + endpoint.url(), Map.of("before", values(endpoint)));
    }

    static WebhookEndpointChanged secretRotated(WebhookEndpoints.Stored endpoint) {
        return new WebhookEndpointChanged("webhook-endpoint.secret-rotated", endpoint.id(), endpoint.providerId(),
                "Rotated the signing secret of webhook endpoint " + endpoint.url(), Map.of("url", endpoint.url()));
    }

    static WebhookEndpointChanged testSent(WebhookEndpoints.Stored endpoint) {
        return new WebhookEndpointChanged("webhook-endpoint.test-sent", endpoint.id(), endpoint.providerId(),
                "Sent a test event to webhook endpoint " + endpoint.url(), Map.of("url", endpoint.url()));
    }

    static WebhookEndpointChanged redelivered(WebhookEndpoints.Stored endpoint, WebhookDelivery delivery) {
        return new WebhookEndpointChanged("webhook-endpoint.redelivered", endpoint.id(), endpoint.providerId(),
                "Redelivered " + delivery.eventType() + " " + delivery.messageId() + " to webhook endpoint "
                        + endpoint.url(),
                Map.of("deliveryId", delivery.id().toString(), "messageId", delivery.messageId().toString(),
                        "eventType", delivery.eventType(), "previousStatus", delivery.status().name()));
    }

    private static Map<String, Object> values(WebhookEndpoints.Stored endpoint) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("url", endpoint.url());
        values.put("description", endpoint.description());
        values.put("eventTypes", endpoint.eventTypes().stream().sorted().map(WebhookEventType::typeName).toList());
        values.put("enabled", endpoint.enabled());
        return values;
    }

    @Override
    public String objectType() {
        return "webhook-endpoint";
    }

    @Override
    public String objectId() {
        return endpointId.toString();
    }

    @Override
    public Optional<UUID> providerId() {
        return Optional.of(provider);
    }
}
