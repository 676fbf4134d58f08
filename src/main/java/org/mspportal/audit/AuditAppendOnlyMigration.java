package org.mspportal.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.mspportal.audit.internal.AppendOnlyTrigger;
import org.springframework.stereotype.Component;

/**
 * Makes the database itself refuse to update, delete or truncate audit entries, so no code path
 * of the application (or a careless query) can rewrite history. The trigger language differs
 * between H2 and PostgreSQL, which is why this one migration is Java rather than SQL.
 */
@Component
class AuditAppendOnlyMigration extends BaseJavaMigration {

    private static final List<String> POSTGRESQL = List.of("""
            CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              RAISE EXCEPTION 'Audit entries are append-only: they cannot be changed or deleted'
                USING ERRCODE = 'insufficient_privilege';
            END
            $$""",
            """
            CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
              FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change()""",
            """
            CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
              FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change()""");

    private static final List<String> H2 = List.of(
            "CREATE TRIGGER audit_entry_append_only BEFORE UPDATE, DELETE ON audit_entry FOR EACH ROW CALL '"
                    + AppendOnlyTrigger.class.getName() + "'");

    @Override
    protected void init() {
        // Version and description come from the overrides below, not from the class name.
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("3.1");
    }

    @Override
    public String getDescription() {
        return "audit entries append only";
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        String database = connection.getMetaData().getDatabaseProductName();
        List<String> statements = switch (database) {
            case "PostgreSQL" -> POSTGRESQL;
            case "H2" -> H2;
            default -> throw new IllegalStateException("No append-only trigger for " + database);
        };
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
