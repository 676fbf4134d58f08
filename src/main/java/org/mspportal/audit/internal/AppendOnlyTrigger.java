package org.mspportal.audit.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * H2's half of the audit log's append-only rule: H2 calls this class before any update or
 * delete of an audit entry, and it refuses. PostgreSQL does the same with a PL/pgSQL trigger.
 */
public class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("Audit entries are append-only: they cannot be changed or deleted", "42501");
    }
}
