package org.mspportal.alerts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An alert was announced (mailed and shown in the portal): published in the transaction that
 * recorded it, once per alert, for subscribers such as outbound webhooks.
 *
 * @param threshold the percentage of the quota crossed, or the reminder's days ahead of expiry
 * @param windowStart the quota's effective date, or the licence expiry date
 * @param consumed credits consumed in the quota window; null for a licence reminder
 * @param creditQuota the quota; null for a licence reminder
 * @param expiresOn the licence expiry date; null for a quota alert
 */
public record AlertRaised(UUID alertId, UUID providerId, UUID customerId, String accountName, AlertKind kind,
        int threshold, LocalDate windowStart, BigDecimal consumed, BigDecimal creditQuota, LocalDate expiresOn,
        Instant raisedAt) {
}
