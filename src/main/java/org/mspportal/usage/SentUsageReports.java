package org.mspportal.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.mspportal.shared.StoredTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The scheduled usage reports sent. {@link #recordOnce} is where "once" is decided: the unique key
 * {@code (customer_id, period_start, period_end)} lets only the first insert through, on any
 * instance; a concurrent second one waits for the first to commit and then inserts nothing.
 */
@Repository
class SentUsageReports {

    private final JdbcClient jdbc;

    SentUsageReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A customer and a period, for the job to skip reports sent before without a query each. */
    record Sent(UUID customerId, LocalDate periodStart, LocalDate periodEnd) {
    }

    /** The reports of periods that ended on or after {@code since}. */
    Set<Sent> endingSince(LocalDate since) {
        return new HashSet<>(jdbc.sql("SELECT customer_id, period_start, period_end FROM scheduled_usage_report"
                + " WHERE period_end >= :since")
                .param("since", since)
                .query((rs, row) -> new Sent(rs.getObject("customer_id", UUID.class),
                        rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class)))
                .list());
    }

    /** Records the report unless one of its customer and period exists; true when recorded. */
    boolean recordOnce(UUID provider, UUID customer, ReportPeriod period, BigDecimal credits, Instant now) {
        try {
            return jdbc.sql("""
                    INSERT INTO scheduled_usage_report (id, provider_id, customer_id, frequency, period_start,
                                                        period_end, credits, sent_at)
                    VALUES (:id, :provider, :customer, :frequency, :start, :end, :credits, :now)
                    ON CONFLICT DO NOTHING""")
                    .param("id", UUID.randomUUID())
                    .param("provider", provider)
                    .param("customer", customer)
                    .param("frequency", period.frequency().name())
                    .param("start", period.start())
                    .param("end", period.end())
                    .param("credits", credits)
                    .param("now", StoredTime.of(now))
                    .update() == 1;
        } catch (DuplicateKeyException sentConcurrently) {
            // H2 may report a concurrent insert of the same key as a violation rather than a no-op.
            return false;
        }
    }
}
