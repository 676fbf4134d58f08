package org.mspportal.alerts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An alert as the Alerts page shows it.
 *
 * @param threshold the percentage crossed, or the reminder's days ahead
 * @param consumed credits consumed in the quota window when the alert was raised; null for reminders
 * @param expiresOn the licence expiry date; null for quota alerts
 * @param readAt when someone of the MSP marked it read; null while unread
 */
public record Alert(UUID id, UUID customerId, String accountName, AlertKind kind, int threshold, BigDecimal consumed,
        BigDecimal creditQuota, LocalDate expiresOn, Instant raisedAt, Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }

    /** The consumption in percent of the quota, with one decimal, for quota alerts. */
    public BigDecimal percent() {
        if (consumed == null || creditQuota == null || creditQuota.signum() == 0) {
            return null;
        }
        return consumed.multiply(BigDecimal.valueOf(100)).divide(creditQuota, 1, RoundingMode.DOWN);
    }
}
