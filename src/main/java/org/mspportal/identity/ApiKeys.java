package org.mspportal.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.mspportal.shared.StoredTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API keys as stored: the SHA-256 of each key, never the key. */
@Repository
class ApiKeys {

    private static final String SELECT = """
            SELECT k.id, k.provider_id, k.name, k.prefix, k.scopes, k.created_by, a.email AS created_by_email,
                   k.created_at, k.last_used_at, k.revoked_at
              FROM api_key k LEFT JOIN account a ON a.id = k.created_by""";

    private final JdbcClient jdbc;

    ApiKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(ApiKey key, String keyHash) {
        jdbc.sql("""
                INSERT INTO api_key (id, provider_id, name, prefix, key_hash, scopes, created_by, created_at)
                VALUES (:id, :provider, :name, :prefix, :hash, :scopes, :createdBy, :created)""")
                .param("id", key.id())
                .param("provider", key.providerId())
                .param("name", key.name())
                .param("prefix", key.prefix())
                .param("hash", keyHash)
                .param("scopes", stored(key.scopes()))
                .param("createdBy", key.createdBy())
                .param("created", StoredTime.of(key.createdAt()))
                .update();
    }

    Optional<ApiKey> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE k.id = :id")
                .param("id", id)
                .query(ApiKeys::row)
                .optional();
    }

    /** The key whose SHA-256 this is, revoked or not. */
    Optional<ApiKey> findByHash(String keyHash) {
        return jdbc.sql(SELECT + " WHERE k.key_hash = :hash")
                .param("hash", keyHash)
                .query(ApiKeys::row)
                .optional();
    }

    /** The MSP's keys, newest first, revoked ones included so their history stays visible. */
    List<ApiKey> ofProvider(UUID providerId) {
        return jdbc.sql(SELECT + " WHERE k.provider_id = :provider ORDER BY k.created_at DESC, k.name")
                .param("provider", providerId)
                .query(ApiKeys::row)
                .list();
    }

    boolean activeNameTaken(UUID providerId, String name) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM api_key
                 WHERE provider_id = :provider AND LOWER(name) = LOWER(:name) AND revoked_at IS NULL""")
                .param("provider", providerId)
                .param("name", name)
                .query(Long.class)
                .single() > 0;
    }

    /** Revokes the key; false if it was revoked already. */
    boolean revoke(UUID id, Instant now) {
        return jdbc.sql("UPDATE api_key SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                .param("id", id)
                .param("now", StoredTime.of(now))
                .update() == 1;
    }

    /**
     * Records a use unless one was recorded since {@code notBefore}; the condition keeps concurrent
     * requests from each writing the same minute.
     */
    void recordUse(UUID id, Instant now, Instant notBefore) {
        jdbc.sql("""
                UPDATE api_key SET last_used_at = :now
                 WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :notBefore)""")
                .param("id", id)
                .param("now", StoredTime.of(now))
                .param("notBefore", StoredTime.of(notBefore))
                .update();
    }

    private static String stored(Set<ApiKeyScope> scopes) {
        return scopes.stream().sorted().map(ApiKeyScope::value).collect(Collectors.joining(","));
    }

    private static Set<ApiKeyScope> scopes(String stored) {
        Set<ApiKeyScope> scopes = EnumSet.noneOf(ApiKeyScope.class);
        Arrays.stream(stored.split(",")).map(ApiKeyScope::ofValue).flatMap(Optional::stream).forEach(scopes::add);
        return scopes;
    }

    private static ApiKey row(ResultSet rs, int rowNum) throws SQLException {
        return new ApiKey(
                rs.getObject("id", UUID.class),
                rs.getObject("provider_id", UUID.class),
                rs.getString("name"),
                rs.getString("prefix"),
                scopes(rs.getString("scopes")),
                rs.getObject("created_by", UUID.class),
                rs.getString("created_by_email"),
                StoredTime.required(rs, "created_at"),
                StoredTime.read(rs, "last_used_at"),
                StoredTime.read(rs, "revoked_at"));
    }
}
