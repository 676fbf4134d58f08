package org.mspportal.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.mspportal.shared.StoredTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class OutboundEmails {

    private static final String COLUMNS = """
            id, provider_id, recipient, subject, text_body, html_body, status, attempts,
            queued_at, next_attempt_at, sent_at, last_error""";

    private final JdbcClient jdbc;

    OutboundEmails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long add(OutgoingMail mail, RenderedMail rendered, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO outbound_email (provider_id, recipient, subject, text_body, html_body, status,
                                            attempts, queued_at, next_attempt_at)
                VALUES (:provider, :recipient, :subject, :text, :html, 'PENDING', 0, :now, :now)""")
                .param("provider", mail.providerId().orElse(null))
                .param("recipient", mail.recipient())
                .param("subject", mail.subject())
                .param("text", rendered.text())
                .param("html", rendered.html())
                .param("now", StoredTime.of(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    List<OutboundEmail> dueAt(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM outbound_email
                WHERE status = 'PENDING' AND next_attempt_at <= :now
                ORDER BY next_attempt_at, id
                LIMIT :limit""")
                .param("now", StoredTime.of(now))
                .param("limit", limit)
                .query(OutboundEmails::row)
                .list();
    }

    Optional<OutboundEmail> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM outbound_email WHERE id = :id")
                .param("id", id)
                .query(OutboundEmails::row)
                .optional();
    }

    List<OutboundEmail> newest(int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM outbound_email ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .param("limit", limit)
                .param("offset", offset)
                .query(OutboundEmails::row)
                .list();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM outbound_email").query(Long.class).single();
    }

    long countByStatus(OutboundEmail.Status status) {
        return jdbc.sql("SELECT COUNT(*) FROM outbound_email WHERE status = :status")
                .param("status", status.name())
                .query(Long.class)
                .single();
    }

    /**
     * Takes a due mail for one sending attempt: moves its next attempt to the lease's end, which
     * only one instance can do while the mail is due. Another instance, or a second run of the
     * sender, then skips it; if the sender dies mid-attempt the mail is due again after the lease.
     */
    boolean claim(long id, Instant now, Instant leaseEnd) {
        return jdbc.sql("""
                UPDATE outbound_email SET next_attempt_at = :leaseEnd
                 WHERE id = :id AND status = 'PENDING' AND next_attempt_at <= :now""")
                .param("id", id)
                .param("now", StoredTime.of(now))
                .param("leaseEnd", StoredTime.of(leaseEnd))
                .update() == 1;
    }

    /** Marks a mail delivered and drops its bodies: once sent, the outbox need not hold its codes. */
    void markSent(long id, Instant now) {
        jdbc.sql("""
                UPDATE outbound_email
                   SET status = 'SENT', sent_at = :now, attempts = attempts + 1, text_body = '', html_body = '',
                       last_error = NULL
                 WHERE id = :id AND status = 'PENDING'""")
                .param("id", id)
                .param("now", StoredTime.of(now))
                .update();
    }

    /** Deletes the mails sent before {@code cutoff}; pending and failed ones stay. */
    int forgetSentBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM outbound_email WHERE status = 'SENT' AND sent_at < :cutoff")
                .param("cutoff", StoredTime.of(cutoff))
                .update();
    }

    void markAttemptFailed(long id, OutboundEmail.Status status, Instant nextAttempt, String error) {
        jdbc.sql("""
                UPDATE outbound_email
                   SET status = :status, attempts = attempts + 1, next_attempt_at = :next, last_error = :error
                 WHERE id = :id AND status = 'PENDING'""")
                .param("id", id)
                .param("status", status.name())
                .param("next", StoredTime.of(nextAttempt))
                .param("error", error)
                .update();
    }



    private static OutboundEmail row(ResultSet rs, int rowNum) throws SQLException {
        return new OutboundEmail(
                rs.getLong("id"),
                Optional.ofNullable(rs.getObject("provider_id", UUID.class)),
                rs.getString("recipient"),
                rs.getString("subject"),
                rs.getString("text_body"),
                rs.getString("html_body"),
                OutboundEmail.Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                StoredTime.required(rs, "queued_at"),
                StoredTime.required(rs, "next_attempt_at"),
                StoredTime.read(rs, "sent_at"),
                Optional.ofNullable(rs.getString("last_error")));
    }
}
