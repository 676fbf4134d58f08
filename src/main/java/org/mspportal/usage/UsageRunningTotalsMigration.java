package org.mspportal.usage;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * The running totals of the monthly roll-up and each customer and edition's total
 * ({@link RunningTotals}), worked out from the months already stored. Java, so the statements that
 * work them out are the very ones a bulk load runs ({@link RunningTotals#REBUILD}).
 */
@Component
class UsageRunningTotalsMigration extends BaseJavaMigration {

    private static final List<String> SCHEMA = List.of(
            "ALTER TABLE usage_monthly ADD COLUMN hybrid_to_date NUMERIC(20, 6) DEFAULT 0 NOT NULL",
            "ALTER TABLE usage_monthly ADD COLUMN saas_to_date NUMERIC(20, 6) DEFAULT 0 NOT NULL",
            """
            CREATE TABLE usage_total (
                customer_id    UUID           NOT NULL REFERENCES customer (id),
                edition        VARCHAR(20)    NOT NULL CHECK (edition IN ('BUSINESS', 'ENTERPRISE', 'ELITE', 'NONE')),
                provider_id    UUID           NOT NULL REFERENCES provider (id),
                first_month    DATE           NOT NULL,
                last_month     DATE           NOT NULL,
                hybrid_credits NUMERIC(20, 6) NOT NULL,
                saas_credits   NUMERIC(20, 6) NOT NULL,
                PRIMARY KEY (customer_id, edition)
            )""",
            "CREATE INDEX usage_total_by_provider ON usage_total (provider_id)");

    @Override
    protected void init() {
        // Version and description come from the overrides below, not from the class name.
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("22");
    }

    @Override
    public String getDescription() {
        return "usage running totals";
    }

    @Override
    public void migrate(Context context) throws SQLException {
        List<String> statements = new ArrayList<>(SCHEMA);
        statements.addAll(RunningTotals.REBUILD);
        try (Statement statement = context.getConnection().createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
