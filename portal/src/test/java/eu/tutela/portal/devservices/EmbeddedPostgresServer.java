package eu.tutela.portal.devservices;

import eu.tutela.tenantadmin.devserver.ParentWatchdog;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (zonky's distribution from Maven Central) on loopback, with the two
 * roles the product needs: an owner that Flyway migrates as, and an application role that owns
 * nothing and so is bound by row-level security.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    static final String DATABASE = "tutela";
    static final String OWNER = "tutela_owner";
    static final String APP = "tutela_app";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer start(Path dataDirectory, boolean keepData, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(!keepData)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    // Stopped by EmbeddedServices once Spring has closed its contexts, not by a JVM hook of its own
                    // running beside them; a hard kill is the watchdog's.
                    .setRegisterShutdownHook(false);
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(builder.start());
            server.createRolesAndDatabase();
            // pg_ctl detaches PostgreSQL from this JVM: stop it even if the JVM is killed hard (INT: fast shutdown).
            long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).getFirst().trim());
            ParentWatchdog.guard(postmaster, dataDirectory.toString(), "INT");
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory
                    + " (is another one using that folder or port " + port + "?)", e);
        }
    }

    int port() {
        return postgres.getPort();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    private void createRolesAndDatabase() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("""
                    do $$ begin
                      if not exists (select from pg_roles where rolname = '%1$s') then
                        create role %1$s login password '%1$s';
                      end if;
                      if not exists (select from pg_roles where rolname = '%2$s') then
                        create role %2$s login password '%2$s' nosuperuser nocreatedb nocreaterole nobypassrls;
                      end if;
                    end $$""".formatted(OWNER, APP));
            var exists = sql.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!exists.next()) {
                sql.execute("create database " + DATABASE + " owner " + OWNER);
                log.info("Created database {} on the embedded PostgreSQL", DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }
}
