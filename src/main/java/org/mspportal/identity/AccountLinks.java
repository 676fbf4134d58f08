package org.mspportal.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.mspportal.shared.StoredTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Activation and password-reset links. Only a fingerprint of each token is stored. */
@Repository
class AccountLinks {

    enum Purpose { ACTIVATION, PASSWORD_RESET }

    /** A stored link, found by the token a person presented. */
    record Link(String fingerprint, UUID accountId, Purpose purpose, Instant expiresAt, Optional<Instant> usedAt) {

        boolean usableAt(Instant now) {
            return usedAt.isEmpty() && now.isBefore(expiresAt);
        }
    }

    private final JdbcClient jdbc;

    AccountLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Issues a new link and voids the account's earlier unused links of the same purpose. Returns the token. */
    String issue(UUID accountId, Purpose purpose, Instant now, Instant expiresAt) {
        voidUnused(accountId, purpose, now);
        String token = Secrets.token();
        jdbc.sql("""
                INSERT INTO account_token (token_hash, account_id, purpose, created_at, expires_at)
                VALUES (:hash, :account, :purpose, :now, :expires)""")
                .param("hash", Secrets.sha256(token))
                .param("account", accountId)
                .param("purpose", purpose.name())
                .param("now", StoredTime.of(now))
                .param("expires", StoredTime.of(expiresAt))
                .update();
        return token;
    }

    Optional<Link> find(String token, Purpose purpose) {
        return jdbc.sql("""
                SELECT token_hash, account_id, purpose, expires_at, used_at FROM account_token
                 WHERE token_hash = :hash AND purpose = :purpose""")
                .param("hash", Secrets.sha256(token))
                .param("purpose", purpose.name())
                .query(AccountLinks::row)
                .optional();
    }

    /** Uses the link; false if it was used meanwhile (two tabs posting the same link). */
    boolean use(Link link, Instant now) {
        return jdbc.sql("UPDATE account_token SET used_at = :now WHERE token_hash = :hash AND used_at IS NULL")
                .param("hash", link.fingerprint())
                .param("now", StoredTime.of(now))
                .update() == 1;
    }

    void voidUnused(UUID accountId, Purpose purpose, Instant now) {
        jdbc.sql("""
                UPDATE account_token SET used_at = :now
                 WHERE account_id = :account AND purpose = :purpose AND used_at IS NULL""")
                .param("account", accountId)
                .param("purpose", purpose.name())
                .param("now", StoredTime.of(now))
                .update();
    }


    private static Link row(ResultSet rs, int rowNum) throws SQLException {
        return new Link(
                rs.getString("token_hash"),
                rs.getObject("account_id", UUID.class),
                Purpose.valueOf(rs.getString("purpose")),
                StoredTime.required(rs, "expires_at"),
                StoredTime.read(rs, "used_at"));
    }
}
