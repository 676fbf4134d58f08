package org.mspportal.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.mspportal.shared.StoredTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/** Sign-ins past the password step, waiting for their second factor. */
@Repository
class SignInAttempts {

    /** A pending attempt as stored; the code itself is never stored, only its salted fingerprint. */
    record Attempt(UUID id, UUID accountId, Optional<String> codeFingerprint, Optional<Instant> codeSentAt,
            Optional<Instant> codeExpiresAt, int failedCodes) {
    }

    /**
     * How long attempts are kept: far longer than a code lives, so an attempt is only forgotten
     * once nobody can finish it; completed sign-ins stay in {@code sign_in_record}.
     */
    static final Duration KEPT = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final Clock clock;

    SignInAttempts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Forgets attempts started more than {@link #KEPT} ago, once an hour across the cluster. */
    @Scheduled(cron = "${portal.sign-in.attempt-purge-cron:0 29 * * * *}")
    @SchedulerLock(name = "sign-in-attempt-purge", lockAtMostFor = "PT10M")
    public void forgetOldAttempts() {
        jdbc.sql("DELETE FROM sign_in_attempt WHERE started_at < :before")
                .param("before", StoredTime.of(clock.instant().minus(KEPT)))
                .update();
    }

    /** The fingerprint of a code for one attempt: salted by the attempt, so it matches nowhere else. */
    static String fingerprint(UUID attemptId, String code) {
        return Secrets.sha256(attemptId + ":" + code);
    }

    /** Starts an attempt and voids the account's other pending ones, so only one code is ever live. */
    UUID start(UUID accountId, Instant now) {
        voidPending(accountId);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO sign_in_attempt (id, account_id, started_at, status, failed_codes)
                VALUES (:id, :account, :now, 'AWAITING_CODE', 0)""")
                .param("id", id)
                .param("account", accountId)
                .param("now", StoredTime.of(now))
                .update();
        return id;
    }

    /** Replaces the attempt's code (the old one stops working); the failure count stays. */
    void setCode(UUID attemptId, String code, Instant now, Instant expiresAt) {
        jdbc.sql("""
                UPDATE sign_in_attempt SET code_hash = :hash, code_sent_at = :now, code_expires_at = :expires
                 WHERE id = :id AND status = 'AWAITING_CODE'""")
                .param("id", attemptId)
                .param("hash", fingerprint(attemptId, code))
                .param("now", StoredTime.of(now))
                .param("expires", StoredTime.of(expiresAt))
                .update();
    }

    Optional<Attempt> findPending(UUID attemptId) {
        return jdbc.sql("""
                SELECT id, account_id, code_hash, code_sent_at, code_expires_at, failed_codes
                  FROM sign_in_attempt WHERE id = :id AND status = 'AWAITING_CODE'""")
                .param("id", attemptId)
                .query(SignInAttempts::row)
                .optional();
    }

    /** Counts a wrong code and returns the new count. */
    int recordFailedCode(UUID attemptId) {
        jdbc.sql("UPDATE sign_in_attempt SET failed_codes = failed_codes + 1 WHERE id = :id")
                .param("id", attemptId)
                .update();
        return jdbc.sql("SELECT failed_codes FROM sign_in_attempt WHERE id = :id")
                .param("id", attemptId)
                .query(Integer.class)
                .single();
    }

    /** Completes the attempt; false if it was completed or voided meanwhile, so a code works once. */
    boolean complete(UUID attemptId) {
        return jdbc.sql("UPDATE sign_in_attempt SET status = 'COMPLETED', code_hash = NULL WHERE id = :id AND status = 'AWAITING_CODE'")
                .param("id", attemptId)
                .update() == 1;
    }

    void voidAttempt(UUID attemptId) {
        jdbc.sql("UPDATE sign_in_attempt SET status = 'VOIDED', code_hash = NULL WHERE id = :id AND status = 'AWAITING_CODE'")
                .param("id", attemptId)
                .update();
    }

    void voidPending(UUID accountId) {
        jdbc.sql("""
                UPDATE sign_in_attempt SET status = 'VOIDED', code_hash = NULL
                 WHERE account_id = :account AND status = 'AWAITING_CODE'""")
                .param("account", accountId)
                .update();
    }



    private static Attempt row(ResultSet rs, int rowNum) throws SQLException {
        return new Attempt(
                rs.getObject("id", UUID.class),
                rs.getObject("account_id", UUID.class),
                Optional.ofNullable(rs.getString("code_hash")),
                StoredTime.read(rs, "code_sent_at"),
                StoredTime.read(rs, "code_expires_at"),
                rs.getInt("failed_codes"));
    }
}
