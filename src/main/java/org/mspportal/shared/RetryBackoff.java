package org.mspportal.shared;

import java.time.Duration;

/**
 * A doubling wait between attempts, capped: the outbox mail sender and the webhook sender retry
 * the same way.
 *
 * @param first the wait after the first failed attempt
 * @param longest the cap on the doubling
 */
public record RetryBackoff(Duration first, Duration longest) {

    /** How long to wait after the given number of failed attempts. */
    public Duration after(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        Duration delay = first.multipliedBy(1L << doublings);
        return delay.compareTo(longest) > 0 ? longest : delay;
    }
}
