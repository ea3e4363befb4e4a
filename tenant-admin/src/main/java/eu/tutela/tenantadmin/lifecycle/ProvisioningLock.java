package eu.tutela.tenantadmin.lifecycle;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One provisioning run per slug at a time, across the console's replicas and the command line: a PostgreSQL session
 * lock held on a connection of its own for the run. A run that dies (or whose database restarts) loses it with its
 * connection, so a retry never waits for a run that is gone.
 */
final class ProvisioningLock implements AutoCloseable {

    private static final int KEYSPACE = 0x7475_7401;

    private final Connection connection;
    private final String slug;

    private ProvisioningLock(Connection connection, String slug) {
        this.connection = connection;
        this.slug = slug;
    }

    static ProvisioningLock take(Database database, String slug) {
        Connection connection = database.open();
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?, hashtext(?))")) {
            lock.setInt(1, KEYSPACE);
            lock.setString(2, slug);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    closeQuietly(connection);
                    throw new LifecycleException(LifecycleException.Reason.BUSY, "Tenant '" + slug
                            + "' is being provisioned by another run right now. Nothing was changed by this one.", null);
                }
            }
            return new ProvisioningLock(connection, slug);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw Database.translate(e);
        }
    }

    @Override
    public void close() {
        try (PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?, hashtext(?))")) {
            unlock.setInt(1, KEYSPACE);
            unlock.setString(2, slug);
            unlock.execute();
        } catch (SQLException e) {
            // The connection died (the database restarted): the lock went with it.
        } finally {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Nothing to do about a connection that will not close; the lock is released with it on the server.
        }
    }
}
