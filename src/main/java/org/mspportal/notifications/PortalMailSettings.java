package org.mspportal.notifications;

import java.time.Duration;

import org.mspportal.shared.RetryBackoff;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.mail.*}: the sender address and how the background sender retries.
 *
 * @param from the From header of every mail
 * @param firstRetryAfter wait after the first failed attempt; each later wait doubles
 * @param longestRetryInterval the cap on that doubling
 * @param maxAttempts attempts before a mail is marked failed and left for an operator
 * @param batchSize mails sent per run of the sender
 * @param claimLease how long one sending attempt keeps a mail from other senders; longer than the
 *        SMTP timeouts (spring.mail.properties.mail.smtp.*timeout) of one attempt together
 * @param keepSentFor how long a sent mail stays in the outbox before it is deleted: its links and
 *        codes expired long before; failed mails stay for an operator
 */
@ConfigurationProperties("portal.mail")
record PortalMailSettings(
        @DefaultValue("MSP Portal <no-reply@localhost>") String from,
        @DefaultValue("PT30S") Duration firstRetryAfter,
        @DefaultValue("PT1H") Duration longestRetryInterval,
        @DefaultValue("20") int maxAttempts,
        @DefaultValue("50") int batchSize,
        @DefaultValue("PT2M") Duration claimLease,
        @DefaultValue("P30D") Duration keepSentFor) {

    /** How long to wait after the given number of failed attempts. */
    Duration retryDelayAfter(int failedAttempts) {
        return new RetryBackoff(firstRetryAfter, longestRetryInterval).after(failedAttempts);
    }
}
