package org.mspportal.webhooks;

import java.time.Duration;

import org.mspportal.shared.RetryBackoff;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.webhooks.*}: how endpoints are checked, how signing secrets are kept and how the
 * sender retries.
 *
 * @param secretKey Base64 of 32 random bytes: the AES key the endpoints' signing secrets are
 *     encrypted with. Empty: a fixed development key, with a warning in the log
 * @param allowPlainHttpToLoopback accept {@code http://} URLs whose host is a loopback address
 *     (local receivers in development and tests); every other URL must be {@code https://}
 * @param allowPrivateAddresses send webhooks to loopback and private-network addresses too (see
 *     {@link PrivateAddresses}); off, they are refused when saved and before each delivery
 * @param firstRetryAfter wait after the first failed attempt; each later wait doubles
 * @param longestRetryInterval the cap on that doubling
 * @param maxAttempts attempts before a delivery is marked failed
 * @param connectTimeout how long to wait for a receiver to accept the connection
 * @param readTimeout how long to wait for its answer
 * @param batchSize deliveries sent per run of the sender
 * @param keepDeliveriesFor how long delivered and failed deliveries stay listed before they are deleted
 */
@ConfigurationProperties("portal.webhooks")
record WebhookSettings(
        @DefaultValue("") String secretKey,
        @DefaultValue("false") boolean allowPlainHttpToLoopback,
        @DefaultValue("false") boolean allowPrivateAddresses,
        @DefaultValue("PT30S") Duration firstRetryAfter,
        @DefaultValue("PT1H") Duration longestRetryInterval,
        @DefaultValue("12") int maxAttempts,
        @DefaultValue("PT5S") Duration connectTimeout,
        @DefaultValue("PT10S") Duration readTimeout,
        @DefaultValue("50") int batchSize,
        @DefaultValue("P30D") Duration keepDeliveriesFor) {

    /** How long to wait after the given number of failed attempts. */
    Duration retryDelayAfter(int failedAttempts) {
        return new RetryBackoff(firstRetryAfter, longestRetryInterval).after(failedAttempts);
    }

    /** How long a sender holds a claimed delivery: longer than one attempt can take. */
    Duration claimLease() {
        return connectTimeout.plus(readTimeout).plusSeconds(30);
    }
}
