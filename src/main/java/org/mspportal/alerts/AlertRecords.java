package org.mspportal.alerts;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.mspportal.shared.StoredTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Alerts as stored. {@link #recordOnce} is where "once" is decided: the unique key
 * {@code (customer_id, kind, threshold, window_start)} lets only the first insert through, on any
 * instance, and a concurrent second one waits for the first to commit and then inserts nothing.
 */
@Repository
class AlertRecords {

    private static final String COLUMNS = """
            id, customer_id, account_name, kind, threshold, consumed, credit_quota, expires_on, raised_at, read_at""";

    private final JdbcClient jdbc;

    AlertRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An alert to record; {@code consumed} and {@code creditQuota} for quota alerts, {@code expiresOn} for reminders. */
    record NewAlert(UUID id, UUID providerId, UUID customerId, String accountName, AlertKind kind, int threshold,
            LocalDate windowStart, BigDecimal consumed, BigDecimal creditQuota, LocalDate expiresOn, Instant raisedAt) {

        AlertRaised raised() {
            return new AlertRaised(id, providerId, customerId, accountName, kind, threshold, windowStart, consumed,
                    creditQuota, expiresOn, raisedAt);
        }
    }

    /** Records the alert unless one of its customer, kind, threshold and window exists; true when recorded. */
    boolean recordOnce(NewAlert alert) {
        return jdbc.sql("""
                INSERT INTO alert (id, provider_id, customer_id, kind, threshold, window_start, account_name, consumed,
                                   credit_quota, expires_on, announced, raised_at)
                VALUES (:id, :provider, :customer, :kind, :threshold, :windowStart, :name, :consumed, :quota,
                        :expiresOn, FALSE, :now)
                ON CONFLICT DO NOTHING""")
                .param("id", alert.id())
                .param("provider", alert.providerId())
                .param("customer", alert.customerId())
                .param("kind", alert.kind().name())
                .param("threshold", alert.threshold())
                .param("windowStart", alert.windowStart())
                .param("name", alert.accountName())
                .param("consumed", alert.consumed())
                .param("quota", alert.creditQuota())
                .param("expiresOn", alert.expiresOn())
                .param("now", StoredTime.of(alert.raisedAt()))
                .update() == 1;
    }

    void markAnnounced(UUID id) {
        jdbc.sql("UPDATE alert SET announced = TRUE WHERE id = :id").param("id", id).update();
    }

    /** The MSP's announced alerts, newest first. */
    List<Alert> recent(UUID provider, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alert WHERE provider_id = :provider AND announced"
                + " ORDER BY raised_at DESC, id LIMIT :limit")
                .param("provider", provider)
                .param("limit", limit)
                .query((rs, row) -> alert(rs))
                .list();
    }

    long unread(UUID provider) {
        return jdbc.sql("SELECT COUNT(*) FROM alert WHERE provider_id = :provider AND announced AND read_at IS NULL")
                .param("provider", provider)
                .query(Long.class)
                .single();
    }

    /** Marks one of the MSP's alerts read; false when the MSP has no such alert. */
    boolean markRead(UUID provider, UUID id, Instant now) {
        int found = jdbc.sql("SELECT COUNT(*) FROM alert WHERE provider_id = :provider AND id = :id AND announced")
                .param("provider", provider).param("id", id).query(Integer.class).single();
        jdbc.sql("UPDATE alert SET read_at = :now WHERE provider_id = :provider AND id = :id AND read_at IS NULL")
                .param("now", StoredTime.of(now)).param("provider", provider).param("id", id).update();
        return found == 1;
    }

    int markAllRead(UUID provider, Instant now) {
        return jdbc.sql("UPDATE alert SET read_at = :now WHERE provider_id = :provider AND announced AND read_at IS NULL")
                .param("now", StoredTime.of(now)).param("provider", provider).update();
    }

    private static Alert alert(ResultSet rs) throws SQLException {
        return new Alert(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                rs.getString("account_name"), AlertKind.valueOf(rs.getString("kind")), rs.getInt("threshold"),
                rs.getBigDecimal("consumed"), rs.getBigDecimal("credit_quota"),
                rs.getObject("expires_on", LocalDate.class), StoredTime.required(rs, "raised_at"),
                StoredTime.read(rs, "read_at").orElse(null));
    }
}
