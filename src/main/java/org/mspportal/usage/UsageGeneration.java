package org.mspportal.usage;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.mspportal.customers.CustomerChanged;
import org.mspportal.plans.ServicePlanChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A counter per MSP that moves whenever its Global Usage report could change: a batch stored, or a
 * customer or plan changed (name, quota, licence, plan, edition, assigned administrators). Cached
 * reports are kept with the generation they were computed at and served only while it is still
 * the database's, so every instance of the portal sees a change as soon as it commits. Each move
 * also records which customers it concerns, so a kept report can read again only theirs.
 *
 * <p>Bumped inside the changing transaction, so the new generation and the change commit together;
 * listeners run synchronously in the publisher's transaction, as the audit log's does.
 */
@Repository
class UsageGeneration {

    /** How many of an MSP's latest changes are kept: a report kept longer ago is computed afresh. */
    static final int CHANGES_KEPT = 256;

    private static final String BUMP_ON_CONFLICT = """
            INSERT INTO usage_generation (provider_id, generation) VALUES (:provider, 1)
                ON CONFLICT (provider_id) DO UPDATE SET generation = usage_generation.generation + 1""";
    private static final String BUMP_MERGE = """
            MERGE INTO usage_generation t USING (VALUES (CAST(:provider AS UUID))) AS s (provider_id)
               ON t.provider_id = s.provider_id
             WHEN MATCHED THEN UPDATE SET generation = t.generation + 1
             WHEN NOT MATCHED THEN INSERT (provider_id, generation) VALUES (s.provider_id, 1)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final String bump;

    UsageGeneration(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
        this.bump = UsageRecords.postgresql(template) ? BUMP_ON_CONFLICT : BUMP_MERGE;
    }

    /** The MSP's generation as committed; 0 before anything was ever stored for it. */
    long current(UUID provider) {
        return jdbc.sql("SELECT generation FROM usage_generation WHERE provider_id = :provider")
                .param("provider", provider).query(Long.class).optional().orElse(0L);
    }

    /** Moves the MSP's generation on for a change to these customers' usage or terms. */
    void bump(UUID provider, Collection<UUID> customers) {
        record(provider, customers.toArray(UUID[]::new));
    }

    /**
     * The customers the generations after {@code after} up to {@code upTo} concern; empty when
     * that is not known: one of them is no longer kept, or concerned every customer (a NULL list,
     * which plan changes wrote before they were known to concern no customer's lines).
     */
    Optional<Set<UUID>> customersChanged(UUID provider, long after, long upTo) {
        List<Optional<List<Object>>> changes = template.query("""
                SELECT customer_ids FROM usage_change
                 WHERE provider_id = ? AND generation > ? AND generation <= ?""",
                (rs, row) -> Optional.ofNullable(rs.getArray(1)).map(UsageGeneration::elements), provider, after, upTo);
        if (changes.size() != upTo - after || changes.stream().anyMatch(Optional::isEmpty)) {
            return Optional.empty();
        }
        return Optional.of(changes.stream().flatMap(ids -> ids.orElseThrow().stream()).map(UUID.class::cast)
                .collect(Collectors.toSet()));
    }

    private static List<Object> elements(Array array) {
        try {
            return List.of((Object[]) array.getArray());
        } catch (SQLException unreadable) {
            throw new IllegalStateException("usage_change.customer_ids unreadable", unreadable);
        }
    }

    /** The row stays locked until the caller's transaction ends. */
    private void record(UUID provider, UUID[] customers) {
        jdbc.sql(bump).param("provider", provider).update();
        long generation = current(provider);
        template.update(connection -> {
            PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO usage_change (provider_id, generation, customer_ids) VALUES (?, ?, ?)");
            ps.setObject(1, provider);
            ps.setLong(2, generation);
            ps.setArray(3, connection.createArrayOf("uuid", customers));
            return ps;
        });
        if (generation % CHANGES_KEPT == 0) {
            jdbc.sql("DELETE FROM usage_change WHERE provider_id = :provider AND generation <= :oldest")
                    .param("provider", provider).param("oldest", generation - CHANGES_KEPT).update();
        }
    }

    @EventListener
    void on(CustomerChanged change) {
        bump(change.provider(), Set.of(change.customerId()));
    }

    /**
     * A plan's edition shows in the report (the edition of its customers without usage, and which
     * of them an edition filter keeps), but no customer's usage, quota or name changes with it:
     * kept reports are assembled again without reading any customer again.
     */
    @EventListener
    void on(ServicePlanChanged change) {
        bump(change.provider(), Set.of());
    }
}
