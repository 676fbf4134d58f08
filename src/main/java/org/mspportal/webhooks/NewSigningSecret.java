package org.mspportal.webhooks;

/**
 * An endpoint with a signing secret just made for it, when registered or rotated: the only time the
 * secret ({@code whsec_…}) is shown.
 */
public record NewSigningSecret(WebhookEndpoint endpoint, String secret) {
}
