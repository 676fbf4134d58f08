package org.mspportal.platform;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures mean "the database is out of reach" (503) rather than a bug (500); seen in DatabaseOutageTests. */
class DatabaseUnavailableTests {

    @Test
    void aPoolThatTimedOutWaitingForAConnectionIsAnOutage() {
        var timedOut = new SQLTransientConnectionException("HikariPool-1 - Connection is not available");
        assertThat(DatabaseUnavailable.explains(new CannotCreateTransactionException("no connection", timedOut)))
                .isTrue();
        assertThat(DatabaseUnavailable.explains(new CannotGetJdbcConnectionException("no connection"))).isTrue();
    }

    @Test
    void aConnectionLostMidQueryIsAnOutageWhereverItIsWrapped() {
        var lost = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        assertThat(DatabaseUnavailable.explains(new IllegalStateException(new RuntimeException(lost)))).isTrue();
        assertThat(DatabaseUnavailable.explains(new SQLException("terminating connection", "57P01"))).isTrue();
    }

    @Test
    void aRollbackOnAConnectionThePoolHadClosedIsAnOutage() {
        var rollbackFailed = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        assertThat(DatabaseUnavailable.explains(rollbackFailed)).isTrue();
    }

    @Test
    void aBrokenRuleOrABugIsNot() {
        assertThat(DatabaseUnavailable.explains(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value", "23505")))).isFalse();
        assertThat(DatabaseUnavailable.explains(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseUnavailable.explains(new TransactionSystemException("no SQL involved"))).isFalse();
    }
}
