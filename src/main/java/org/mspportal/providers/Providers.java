package org.mspportal.providers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.mspportal.shared.StoredTime;
import org.mspportal.shared.LikePattern;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Providers {

    private static final String COLUMNS = "id, name, status, require_authenticator, created_at";
    private static final Map<String, String> SORTABLE = Map.of(
            "name", "name_key",
            "createdAt", "created_at",
            "status", "status");

    private final JdbcClient jdbc;

    Providers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Provider provider) {
        jdbc.sql("""
                INSERT INTO provider (id, name, name_key, status, require_authenticator, created_at)
                VALUES (:id, :name, :key, :status, :required, :created)""")
                .param("id", provider.id())
                .param("name", provider.name())
                .param("key", nameKey(provider.name()))
                .param("status", provider.status().name())
                .param("required", provider.authenticatorRequired())
                .param("created", StoredTime.of(provider.createdAt()))
                .update();
    }

    boolean nameTaken(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM provider WHERE name_key = :key")
                .param("key", nameKey(name))
                .query(Long.class)
                .single() > 0;
    }

    Optional<Provider> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM provider WHERE id = :id")
                .param("id", id)
                .query(Providers::row)
                .optional();
    }

    /**
     * One page of the MSPs whose name contains {@code search} (any case; blank matches all), in
     * the order asked for; unknown sort properties fall back to the name.
     */
    List<Provider> page(String search, Sort sort, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM provider WHERE name_key LIKE :pattern ESCAPE '\\' ORDER BY "
                        + orderBy(sort) + " LIMIT :limit OFFSET :offset")
                .param("pattern", pattern(search))
                .param("limit", limit)
                .param("offset", offset)
                .query(Providers::row)
                .list();
    }

    long count(String search) {
        return jdbc.sql("SELECT COUNT(*) FROM provider WHERE name_key LIKE :pattern ESCAPE '\\'")
                .param("pattern", pattern(search))
                .query(Long.class)
                .single();
    }

    void setStatus(UUID id, ProviderStatus status) {
        jdbc.sql("UPDATE provider SET status = :status, version = version + 1 WHERE id = :id")
                .param("id", id)
                .param("status", status.name())
                .update();
    }

    void setAuthenticatorRequired(UUID id, boolean required) {
        jdbc.sql("UPDATE provider SET require_authenticator = :required, version = version + 1 WHERE id = :id")
                .param("id", id)
                .param("required", required)
                .update();
    }

    /** A LIKE pattern that takes the search literally: {@code %} and {@code _} in a name are not wildcards. */
    private static String pattern(String search) {
        return LikePattern.containing(search == null ? "" : nameKey(search));
    }

    /** Column names come from this fixed list only, never from the request. */
    private static String orderBy(Sort sort) {
        StringBuilder order = new StringBuilder();
        for (Sort.Order each : sort) {
            String column = SORTABLE.get(each.getProperty());
            if (column != null) {
                order.append(column).append(each.isAscending() ? " ASC, " : " DESC, ");
            }
        }
        return order.append("name_key ASC, id ASC").toString();
    }

    private static String nameKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static Provider row(ResultSet rs, int rowNum) throws SQLException {
        return new Provider(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                ProviderStatus.valueOf(rs.getString("status")),
                rs.getBoolean("require_authenticator"),
                StoredTime.required(rs, "created_at"));
    }
}
