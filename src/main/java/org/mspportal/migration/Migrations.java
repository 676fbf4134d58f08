package org.mspportal.migration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mspportal.shared.LikePattern;
import org.mspportal.shared.StoredTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Migrations as stored, their token fingerprints and their history. */
@Repository
class Migrations {

    /** The tables of a migration's row, its MSP's and its source account's: lists filter on all three. */
    private static final String FROM = """
            FROM migration m JOIN provider p ON p.id = m.provider_id
            JOIN source_account s ON s.id = m.source_account_id""";
    private static final String SELECT = """
            SELECT m.id, m.source_account_id, m.provider_id, p.name AS provider_name, m.stage, m.raised_by,
                   m.cloud_administrator_email, m.handler_account_id, m.handler_email, m.prepared_plan_id,
                   m.selected_plan_id, m.customer_id, m.verification_token_expires_at, m.raised_at, m.changed_at,
                   m.version, s.name AS account_name, s.hybrid_edition, s.hybrid_workloads, s.hybrid_expires_on,
                   s.microsoft_365_expires_on, s.google_workspace_expires_on, s.endpoints_expires_on
            """ + FROM;

    /** A reference as people type it, or its start: "MIG-1A2B", "mig-1a2b3c4d". */
    private static final Pattern REFERENCE = Pattern.compile("mig-?([0-9a-f]{1,8})");

    private final JdbcClient jdbc;

    Migrations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new open migration; a second open one for the account fails on {@code open_for}. */
    void add(UUID id, UUID sourceAccountId, UUID providerId, String raisedBy, Instant at) {
        jdbc.sql("""
                INSERT INTO migration (id, source_account_id, provider_id, stage, open_for, raised_by, raised_at,
                       changed_at, version)
                VALUES (:id, :account, :provider, 'ACTION_REQUIRED', :account, :raisedBy, :at, :at, 0)""")
                .param("id", id)
                .param("account", sourceAccountId)
                .param("provider", providerId)
                .param("raisedBy", raisedBy)
                .param("at", StoredTime.of(at))
                .update();
    }

    Optional<Migration> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE m.id = :id").param("id", id).query(Migrations::row).optional();
    }

    /**
     * Locks the migration's row until the transaction ends, so two requests moving it at once take
     * turns and the second sees the stage the first left.
     */
    Optional<Migration> lock(UUID id) {
        return jdbc.sql("SELECT id FROM migration WHERE id = :id FOR UPDATE").param("id", id)
                .query(UUID.class).optional().flatMap(this::find);
    }

    /** The migration whose unused approval token has this fingerprint, locked. */
    Optional<Migration> lockByApprovalToken(String fingerprint) {
        return jdbc.sql("SELECT id FROM migration WHERE approval_token_hash = :hash FOR UPDATE")
                .param("hash", fingerprint)
                .query(UUID.class).optional().flatMap(this::find);
    }

    Optional<Migration> findByApprovalToken(String fingerprint) {
        return jdbc.sql(SELECT + " WHERE m.approval_token_hash = :hash").param("hash", fingerprint)
                .query(Migrations::row).optional();
    }

    Optional<String> verificationFingerprint(UUID id) {
        return jdbc.sql("SELECT verification_token_hash FROM migration WHERE id = :id").param("id", id)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(hash -> hash);
    }

    /** The account's open migration, and its latest completed one. */
    Optional<Migration> openFor(UUID sourceAccountId) {
        return jdbc.sql(SELECT + " WHERE m.open_for = :account").param("account", sourceAccountId)
                .query(Migrations::row).optional();
    }

    Optional<Migration> completedFor(UUID sourceAccountId) {
        return jdbc.sql(SELECT + " WHERE m.completed_for = :account").param("account", sourceAccountId)
                .query(Migrations::row).optional();
    }

    /**
     * Newest first: every MSP's when {@code providerId} is empty, at any of {@code stages} (every
     * stage when empty), and containing {@code search} (any case) in the account's or the MSP's
     * name, or starting like the reference (MIG-1A2B…) when the text is one.
     */
    List<Migration> page(Optional<UUID> providerId, Set<Stage> stages, String search, int offset, int limit) {
        Optional<Search> text = Search.of(search);
        return bind(jdbc.sql(SELECT + where(providerId, stages, text)
                        + " ORDER BY m.raised_at DESC, m.id LIMIT :limit OFFSET :offset"), providerId, stages, text)
                .param("limit", limit)
                .param("offset", offset)
                .query(Migrations::row).list();
    }

    long count(Optional<UUID> providerId, Set<Stage> stages, String search) {
        Optional<Search> text = Search.of(search);
        return bind(jdbc.sql("SELECT COUNT(*) " + FROM + where(providerId, stages, text)), providerId, stages, text)
                .query(Long.class).single();
    }

    /** Search text as LIKE patterns: any text, and the start of an id when the text is a reference. */
    private record Search(String text, Optional<String> idStart) {

        static Optional<Search> of(String typed) {
            String text = typed.strip().toLowerCase(Locale.ROOT);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            Matcher reference = REFERENCE.matcher(text);
            return Optional.of(new Search(LikePattern.containing(text), reference.matches()
                    ? Optional.of(LikePattern.startingWith(reference.group(1))) : Optional.empty()));
        }
    }

    private static String where(Optional<UUID> providerId, Set<Stage> stages, Optional<Search> text) {
        List<String> conditions = new ArrayList<>();
        providerId.ifPresent(ignored -> conditions.add("m.provider_id = :provider"));
        if (!stages.isEmpty()) {
            conditions.add("m.stage IN (:stages)");
        }
        text.ifPresent(search -> conditions.add("(LOWER(s.name) LIKE :text ESCAPE '\\'"
                + " OR LOWER(p.name) LIKE :text ESCAPE '\\'"
                + (search.idStart().isPresent() ? " OR CAST(m.id AS VARCHAR(36)) LIKE :idStart ESCAPE '\\'" : "")
                + ")"));
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Optional<UUID> providerId,
            Set<Stage> stages, Optional<Search> text) {
        providerId.ifPresent(provider -> statement.param("provider", provider));
        if (!stages.isEmpty()) {
            statement.param("stages", stages.stream().map(Stage::name).toList());
        }
        text.ifPresent(search -> {
            statement.param("text", search.text());
            search.idStart().ifPresent(idStart -> statement.param("idStart", idStart));
        });
        return statement;
    }

    /**
     * Moves a migration still at {@code version} to {@code to}, writing the given columns too (fixed
     * names from this module, never input). Keeps {@code open_for} and {@code completed_for} true to the stage.
     *
     * @return false when the migration changed meanwhile
     */
    boolean move(Migration migration, Stage to, Instant at, Map<String, Object> columns) {
        StringBuilder sets = new StringBuilder();
        columns.keySet().forEach(column -> sets.append(", ").append(column).append(" = :").append(column));
        JdbcClient.StatementSpec statement = jdbc.sql("UPDATE migration SET stage = :stage,"
                + " open_for = " + (to.open() ? "source_account_id" : "NULL") + ","
                + " completed_for = " + (to == Stage.COMPLETED ? "source_account_id" : "NULL") + ","
                + " changed_at = :at, version = version + 1" + sets
                + " WHERE id = :id AND version = :version")
                .param("stage", to.name())
                .param("at", StoredTime.of(at))
                .param("id", migration.id())
                .param("version", migration.version());
        columns.forEach(statement::param);
        return statement.update() == 1;
    }

    /** Writes columns without moving the stage, as re-issuing a token does. */
    boolean change(Migration migration, Instant at, Map<String, Object> columns) {
        return move(migration, migration.stage(), at, columns);
    }

    void record(UUID migrationId, MigrationHistoryEntry entry) {
        jdbc.sql("""
                INSERT INTO migration_history (migration_id, from_stage, to_stage, actor, happened_at, note)
                VALUES (:migration, :from, :to, :actor, :at, :note)""")
                .param("migration", migrationId)
                .param("from", entry.from() == null ? null : entry.from().name())
                .param("to", entry.to().name())
                .param("actor", entry.actor())
                .param("at", StoredTime.of(entry.at()))
                .param("note", entry.note())
                .update();
    }

    List<MigrationHistoryEntry> history(UUID migrationId) {
        return jdbc.sql("""
                SELECT from_stage, to_stage, actor, happened_at, note FROM migration_history
                 WHERE migration_id = :migration ORDER BY id""")
                .param("migration", migrationId)
                .query((rs, n) -> new MigrationHistoryEntry(
                        rs.getString("from_stage") == null ? null : Stage.valueOf(rs.getString("from_stage")),
                        Stage.valueOf(rs.getString("to_stage")), rs.getString("actor"),
                        StoredTime.required(rs, "happened_at"), rs.getString("note")))
                .list();
    }

    static Map<String, Object> columns(Object... namesAndValues) {
        Map<String, Object> columns = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            columns.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return columns;
    }

    private static Migration row(ResultSet rs, int rowNum) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new Migration(id, Migration.referenceOf(id), rs.getObject("source_account_id", UUID.class),
                rs.getString("account_name"), SourceAccounts.licence(rs),
                rs.getObject("provider_id", UUID.class), rs.getString("provider_name"),
                Stage.valueOf(rs.getString("stage")), rs.getString("raised_by"),
                rs.getString("cloud_administrator_email"), rs.getObject("handler_account_id", UUID.class),
                rs.getString("handler_email"), rs.getObject("prepared_plan_id", UUID.class),
                rs.getObject("selected_plan_id", UUID.class), rs.getObject("customer_id", UUID.class),
                StoredTime.read(rs, "verification_token_expires_at").orElse(null), StoredTime.required(rs, "raised_at"),
                StoredTime.required(rs, "changed_at"), rs.getInt("version"));
    }
}
