package org.mspportal.usage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * The usage generation of each MSP ({@link UsageGeneration}), and on PostgreSQL room in the
 * roll-up tables' pages: ingestion updates most of its daily and monthly rows in place, and with
 * free space on the page PostgreSQL writes the new row version there without touching the indexes
 * (a HOT update). Storage parameters are PostgreSQL's alone, which is why this migration is Java.
 */
@Component
class UsageGenerationMigration extends BaseJavaMigration {

    private static final String GENERATION = """
            CREATE TABLE usage_generation (
                provider_id UUID   NOT NULL PRIMARY KEY REFERENCES provider (id),
                generation  BIGINT NOT NULL
            )""";

    /** Rows updated by every batch (the MSP's days, its generation) get the most room. */
    private static final List<String> POSTGRESQL = List.of(
            "ALTER TABLE usage_daily SET (fillfactor = 70)",
            "ALTER TABLE usage_monthly SET (fillfactor = 70)",
            "ALTER TABLE usage_provider_daily SET (fillfactor = 50)",
            "ALTER TABLE usage_generation SET (fillfactor = 50)");

    @Override
    protected void init() {
        // Version and description come from the overrides below, not from the class name.
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("18");
    }

    @Override
    public String getDescription() {
        return "usage generation and roll-up fillfactor";
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<String> statements = new ArrayList<>(List.of(GENERATION));
        if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            statements.addAll(POSTGRESQL);
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
