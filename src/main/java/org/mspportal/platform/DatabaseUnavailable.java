package org.mspportal.platform;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure caused by the database being out of reach (stopped, restarting, the network
 * gone, the connection pool waiting in vain) from a bug. Those requests are answered 503 with
 * {@code Retry-After}, not 500: nothing is wrong with the request, and the portal recovers by
 * itself once the database is back, since the pool opens new connections.
 */
final class DatabaseUnavailable {

    /** Seconds a client is asked to wait: about what a PostgreSQL restart or failover takes. */
    static final String RETRY_AFTER_SECONDS = "10";

    static final String DETAIL = "The portal cannot reach its database at the moment. Nothing of this request "
            + "was saved; please try again in a few seconds.";

    private DatabaseUnavailable() {
    }

    /** Whether the failure, or anything that caused it, says the database could not be reached. */
    static boolean explains(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessResourceException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLException sql && lostConnection(sql.getSQLState())
                    || cause instanceof TransactionSystemException transaction && failedOnTheConnection(transaction)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A commit or rollback that failed in the driver, or one whose failure hid an outage. When the
     * connection breaks mid-transaction, the pool closes it, and the rollback that follows fails
     * with Hikari's "Connection is closed", an SQLException without SQLSTATE, which replaces the
     * first error. A JdbcTransactionManager turns every commit or rollback failure it can classify
     * into a DataAccessException, so an SQLException left inside a TransactionSystemException is
     * such a lost connection.
     */
    private static boolean failedOnTheConnection(TransactionSystemException transaction) {
        return transaction.getCause() instanceof SQLException
                || transaction.getApplicationException() != null && explains(transaction.getApplicationException());
    }

    /**
     * SQLSTATE class 08 (connection exception) and PostgreSQL's 57P01-57P03 (the server is shutting
     * down, crashed, or still starting up and not yet accepting connections).
     */
    private static boolean lostConnection(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.matches("57P0[123]"));
    }
}
