package org.mspportal.webhooks;

import java.util.Set;

/** What an MSP administrator sets on an endpoint, when registering or changing it. */
public record WebhookEndpointDetails(String url, String description, Set<WebhookEventType> eventTypes,
        boolean enabled) {
}
