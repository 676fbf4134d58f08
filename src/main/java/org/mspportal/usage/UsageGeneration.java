package org.mspportal.usage;

import java.util.UUID;

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
 * the database's, so every instance of the portal sees a change as soon as it commits.
 *
 * <p>Bumped inside the changing transaction, so the new generation and the change commit together;
 * listeners run synchronously in the publisher's transaction, as the audit log's does.
 */
@Repository
class UsageGeneration {

    private static final String BUMP_ON_CONFLICT = """
            INSERT INTO usage_generation (provider_id, generation) VALUES (:provider, 1)
                ON CONFLICT (provider_id) DO UPDATE SET generation = usage_generation.generation + 1""";
    private static final String BUMP_MERGE = """
            MERGE INTO usage_generation t USING (VALUES (CAST(:provider AS UUID))) AS s (provider_id)
               ON t.provider_id = s.provider_id
             WHEN MATCHED THEN UPDATE SET generation = t.generation + 1
             WHEN NOT MATCHED THEN INSERT (provider_id, generation) VALUES (s.provider_id, 1)""";

    private final JdbcClient jdbc;
    private final String bump;

    UsageGeneration(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.bump = UsageRecords.postgresql(template) ? BUMP_ON_CONFLICT : BUMP_MERGE;
    }

    /** The MSP's generation as committed; 0 before anything was ever stored for it. */
    long current(UUID provider) {
        return jdbc.sql("SELECT generation FROM usage_generation WHERE provider_id = :provider")
                .param("provider", provider).query(Long.class).optional().orElse(0L);
    }

    /** Moves the MSP's generation on; the row stays locked until the caller's transaction ends. */
    void bump(UUID provider) {
        jdbc.sql(bump).param("provider", provider).update();
    }

    @EventListener
    void on(CustomerChanged change) {
        bump(change.provider());
    }

    @EventListener
    void on(ServicePlanChanged change) {
        bump(change.provider());
    }
}
