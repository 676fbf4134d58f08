package org.mspportal.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import org.mspportal.shared.StoredTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Accounts {

    private static final String COLUMNS = """
            id, provider_id, email, display_name, role, status, password_hash, failed_passwords,
            first_failed_password_at, locked_at, totp_secret, totp_last_step, created_at""";

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Emails are compared case-insensitively; the stored form is lower case. */
    static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    void add(Account account) {
        jdbc.sql("""
                INSERT INTO account (id, provider_id, email, display_name, role, status, created_at)
                VALUES (:id, :provider, :email, :name, :role, :status, :created)""")
                .param("id", account.id())
                .param("provider", account.providerId().orElse(null))
                .param("email", normalise(account.email()))
                .param("name", account.displayName())
                .param("role", account.role().name())
                .param("status", account.status().name())
                .param("created", StoredTime.of(account.createdAt()))
                .update();
    }

    Optional<Account> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE id = :id")
                .param("id", id)
                .query(Accounts::row)
                .optional();
    }

    Optional<Account> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE email = :email")
                .param("email", normalise(email))
                .query(Accounts::row)
                .optional();
    }

    boolean emailTaken(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM account WHERE email = :email")
                .param("email", normalise(email))
                .query(Long.class)
                .single() > 0;
    }

    boolean anyOperator() {
        return jdbc.sql("SELECT COUNT(*) FROM account WHERE role = 'OPERATOR'").query(Long.class).single() > 0;
    }

    List<Account> ofProvider(UUID providerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE provider_id = :provider ORDER BY email")
                .param("provider", providerId)
                .query(Accounts::row)
                .list();
    }

    List<UUID> idsOfProvider(UUID providerId) {
        return jdbc.sql("SELECT id FROM account WHERE provider_id = :provider")
                .param("provider", providerId)
                .query(UUID.class)
                .list();
    }

    /**
     * Active MSP administrators of the provider other than {@code except}, locked or not. Their rows
     * stay locked until the transaction ends, so two administrators deactivating or demoting each
     * other at the same moment cannot both pass the check and leave the MSP without one: the
     * second waits for the first and then counts again.
     */
    long otherActiveMspAdministrators(UUID providerId, UUID except) {
        return jdbc.sql("""
                SELECT id FROM account
                 WHERE provider_id = :provider AND status = 'ACTIVE' AND role = 'MSP_ADMINISTRATOR'
                 ORDER BY id FOR UPDATE""")
                .param("provider", providerId)
                .query(UUID.class)
                .list()
                .stream()
                .filter(id -> !id.equals(except))
                .count();
    }

    void activate(UUID id, String passwordHash, Instant now) {
        jdbc.sql("""
                UPDATE account SET status = 'ACTIVE', password_hash = :hash, activated_at = COALESCE(activated_at, :now),
                       failed_passwords = 0, first_failed_password_at = NULL, locked_at = NULL, version = version + 1
                 WHERE id = :id""")
                .param("id", id)
                .param("hash", passwordHash)
                .param("now", StoredTime.of(now))
                .update();
    }

    void setStatus(UUID id, AccountStatus status) {
        jdbc.sql("UPDATE account SET status = :status, version = version + 1 WHERE id = :id")
                .param("id", id)
                .param("status", status.name())
                .update();
    }

    void setRole(UUID id, Role role) {
        jdbc.sql("UPDATE account SET role = :role, version = version + 1 WHERE id = :id")
                .param("id", id)
                .param("role", role.name())
                .update();
    }

    /** Counts a wrong password, starting a new window when the last one has passed; returns the count. */
    int recordFailedPassword(UUID id, Instant now, Instant windowStart) {
        jdbc.sql("""
                UPDATE account
                   SET failed_passwords = CASE WHEN first_failed_password_at IS NULL OR first_failed_password_at < :windowStart
                                               THEN 1 ELSE failed_passwords + 1 END,
                       first_failed_password_at = CASE WHEN first_failed_password_at IS NULL OR first_failed_password_at < :windowStart
                                               THEN :now ELSE first_failed_password_at END
                 WHERE id = :id""")
                .param("id", id)
                .param("now", StoredTime.of(now))
                .param("windowStart", StoredTime.of(windowStart))
                .update();
        return jdbc.sql("SELECT failed_passwords FROM account WHERE id = :id").param("id", id)
                .query(Integer.class).single();
    }

    void clearFailedPasswords(UUID id) {
        jdbc.sql("UPDATE account SET failed_passwords = 0, first_failed_password_at = NULL WHERE id = :id")
                .param("id", id)
                .update();
    }

    /** Locks the account; false if it was locked already. */
    boolean lock(UUID id, Instant now) {
        return jdbc.sql("UPDATE account SET locked_at = :now, version = version + 1 WHERE id = :id AND locked_at IS NULL")
                .param("id", id)
                .param("now", StoredTime.of(now))
                .update() == 1;
    }

    void unlock(UUID id) {
        jdbc.sql("""
                UPDATE account SET locked_at = NULL, failed_passwords = 0, first_failed_password_at = NULL,
                       version = version + 1 WHERE id = :id""")
                .param("id", id)
                .update();
    }

    void setAuthenticator(UUID id, Optional<AuthenticatorSecret> secret, OptionalLong lastStep) {
        jdbc.sql("UPDATE account SET totp_secret = :secret, totp_last_step = :step, version = version + 1 WHERE id = :id")
                .param("id", id)
                .param("secret", secret.map(AuthenticatorSecret::base32).orElse(null))
                .param("step", lastStep.isPresent() ? lastStep.getAsLong() : null)
                .update();
    }

    /**
     * Records the authenticator time step just used; false if that step (or a later one) was used
     * already, which refuses a code replayed by a concurrent request too.
     */
    boolean useAuthenticatorStep(UUID id, long step) {
        return jdbc.sql("""
                UPDATE account SET totp_last_step = :step
                 WHERE id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)""")
                .param("id", id)
                .param("step", step)
                .update() == 1;
    }



    private static Account row(ResultSet rs, int rowNum) throws SQLException {
        Long lastStep = rs.getObject("totp_last_step", Long.class);
        return new Account(
                rs.getObject("id", UUID.class),
                Optional.ofNullable(rs.getObject("provider_id", UUID.class)),
                rs.getString("email"),
                rs.getString("display_name"),
                Role.valueOf(rs.getString("role")),
                AccountStatus.valueOf(rs.getString("status")),
                Optional.ofNullable(rs.getString("password_hash")),
                rs.getInt("failed_passwords"),
                StoredTime.read(rs, "first_failed_password_at"),
                StoredTime.read(rs, "locked_at"),
                Optional.ofNullable(rs.getString("totp_secret")).map(AuthenticatorSecret::fromBase32),
                lastStep == null ? OptionalLong.empty() : OptionalLong.of(lastStep),
                StoredTime.required(rs, "created_at"));
    }
}
