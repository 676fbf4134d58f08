package org.mspportal.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.mspportal.shared.ProviderScope;
import org.mspportal.shared.LikePattern;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The audit table. It can append and read, nothing else; the database refuses updates and
 * deletes as well (see {@code V3_1__Audit_entries_append_only}).
 */
@Repository
class AuditEntries {

    private static final int EXPORT_CHUNK = 1000;
    private static final String COLUMNS = """
            id, occurred_at, provider_id, actor, actor_address, action, object_type, object_id, summary, details""";

    private final JdbcClient jdbc;

    AuditEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void append(NewAuditEntry entry) {
        jdbc.sql("""
                INSERT INTO audit_entry (occurred_at, provider_id, actor, actor_address, action, object_type,
                                         object_id, summary, details)
                VALUES (:occurredAt, :providerId, :actor, :address, :action, :objectType, :objectId, :summary, :details)""")
                .param("occurredAt", entry.occurredAt().atOffset(ZoneOffset.UTC))
                .param("providerId", entry.providerId().orElse(null))
                .param("actor", entry.actor())
                .param("address", entry.actorAddress().orElse(null))
                .param("action", entry.action())
                .param("objectType", entry.objectType())
                .param("objectId", entry.objectId())
                .param("summary", entry.summary())
                .param("details", entry.details())
                .update();
    }

    Page<AuditEntry> search(ProviderScope scope, AuditQuery query, Pageable page) {
        Filter filter = Filter.of(scope, query);
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_entry" + filter.where())
                .params(filter.params())
                .query(Long.class)
                .single();
        List<AuditEntry> content = jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry" + filter.where()
                        + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .params(filter.params())
                .param("limit", page.getPageSize())
                .param("offset", page.getOffset())
                .query(AuditEntries::row)
                .list();
        return new PageImpl<>(content, page, total);
    }

    /** Walks the matches newest first in chunks keyed by id, so an export of millions stays small. */
    void forEachMatching(ProviderScope scope, AuditQuery query, Consumer<AuditEntry> consumer) {
        Filter filter = Filter.of(scope, query);
        long before = Long.MAX_VALUE;
        List<AuditEntry> chunk;
        do {
            String where = filter.where().isEmpty() ? " WHERE id < :before" : filter.where() + " AND id < :before";
            chunk = jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry" + where + " ORDER BY id DESC LIMIT :limit")
                    .params(filter.params())
                    .param("before", before)
                    .param("limit", EXPORT_CHUNK)
                    .query(AuditEntries::row)
                    .list();
            chunk.forEach(consumer);
            before = chunk.isEmpty() ? before : chunk.get(chunk.size() - 1).id();
        } while (chunk.size() == EXPORT_CHUNK);
    }

    /** The entry, if it lies within the scope: another MSP's entry is as absent as a missing one. */
    Optional<AuditEntry> find(ProviderScope scope, long id) {
        Filter filter = Filter.of(scope, AuditQuery.everything());
        String where = filter.where().isEmpty() ? " WHERE id = :id" : filter.where() + " AND id = :id";
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry" + where)
                .params(filter.params())
                .param("id", id)
                .query(AuditEntries::row)
                .optional();
    }

    private record Filter(List<String> conditions, Map<String, Object> params) {

        static Filter of(ProviderScope scope, AuditQuery query) {
            Filter filter = new Filter(new ArrayList<>(), new HashMap<>());
            scope.providerId().ifPresent(id -> filter.add("provider_id = :providerId", "providerId", id));
            if (hasText(query.actor())) {
                filter.add("LOWER(actor) LIKE :actor", "actor", LikePattern.containing(query.actor().toLowerCase()));
            }
            if (hasText(query.action())) {
                filter.add("action LIKE :action", "action", LikePattern.startingWith(query.action().trim()));
            }
            if (hasText(query.objectType())) {
                filter.add("object_type = :objectType", "objectType", query.objectType().trim());
            }
            if (hasText(query.objectId())) {
                filter.add("object_id = :objectId", "objectId", query.objectId().trim());
            }
            if (query.from() != null) {
                filter.add("occurred_at >= :from", "from", startOf(query.from()));
            }
            if (query.to() != null) {
                filter.add("occurred_at < :to", "to", startOf(query.to().plusDays(1)));
            }
            return filter;
        }

        private void add(String condition, String name, Object value) {
            conditions.add(condition);
            params.put(name, value);
        }

        String where() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        private static boolean hasText(String value) {
            return value != null && !value.isBlank();
        }

        private static OffsetDateTime startOf(LocalDate day) {
            return day.atStartOfDay().atOffset(ZoneOffset.UTC);
        }
    }

    private static AuditEntry row(ResultSet rs, int rowNum) throws SQLException {
        Instant occurredAt = rs.getObject("occurred_at", OffsetDateTime.class).toInstant();
        return new AuditEntry(
                rs.getLong("id"),
                occurredAt,
                Optional.ofNullable(rs.getObject("provider_id", UUID.class)),
                rs.getString("actor"),
                Optional.ofNullable(rs.getString("actor_address")),
                rs.getString("action"),
                rs.getString("object_type"),
                rs.getString("object_id"),
                rs.getString("summary"),
                rs.getString("details"));
    }
}
