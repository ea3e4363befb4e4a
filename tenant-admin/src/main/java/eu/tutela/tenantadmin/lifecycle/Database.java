package eu.tutela.tenantadmin.lifecycle;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * The portal's database as the lifecycle uses it: plain JDBC transactions on the application's role (the same
 * credentials as the portal: bound by row-level security, so each step states its tenant). An unreachable server
 * becomes {@link LifecycleException.Reason#DATABASE_UNAVAILABLE}.
 */
final class Database {

    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    Database(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    <T> T transaction(Work<T> work) {
        return inTransaction(false, work);
    }

    /** A read-only transaction on one snapshot (repeatable read): an export sees the tenant as it was at one instant. */
    <T> T snapshot(Work<T> work) {
        return inTransaction(true, work);
    }

    private <T> T inTransaction(boolean snapshot, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            // A pool (the portal's Hikari) resets these when the connection goes back; a plain one is closed.
            connection.setAutoCommit(false);
            if (snapshot) {
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                connection.setReadOnly(true);
            }
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** A connection of its own, in auto-commit, for what lasts longer than a transaction (a session lock). */
    Connection open() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** Binds the transaction to a tenant, as the portal does: row-level security then shows that tenant's rows. */
    static void bindTenant(Connection connection, UUID tenantId) throws SQLException {
        try (var statement = connection.prepareStatement("select set_config('tutela.tenant_id', ?, true)")) {
            statement.setString(1, tenantId.toString());
            statement.execute();
        }
    }

    static RuntimeException translate(SQLException e) {
        if (isUnavailable(e)) {
            return new LifecycleException(LifecycleException.Reason.DATABASE_UNAVAILABLE,
                    "PostgreSQL cannot be reached (" + e.getMessage() + "). Nothing was changed by this step; run it again "
                            + "once the database answers.", e);
        }
        return new IllegalStateException("Database error: " + e.getMessage(), e);
    }

    static boolean isUnavailable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private static void rollbackQuietly(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException rollback) {
            failure.addSuppressed(rollback);
        }
    }
}
