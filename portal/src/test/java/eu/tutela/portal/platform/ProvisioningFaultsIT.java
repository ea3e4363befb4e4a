package eu.tutela.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.tutela.portal.security.IdentityProvider;
import eu.tutela.tenantadmin.SharedKeycloak;
import eu.tutela.tenantadmin.devserver.DataMode;
import eu.tutela.tenantadmin.devserver.KeycloakDevServer;
import eu.tutela.tenantadmin.devserver.Settings;
import eu.tutela.tenantadmin.keycloak.KeycloakDirectory;
import eu.tutela.tenantadmin.keycloak.RealmSpec;
import eu.tutela.tenantadmin.lifecycle.Deleted;
import eu.tutela.tenantadmin.lifecycle.ExportProgress;
import eu.tutela.tenantadmin.lifecycle.LifecycleException;
import eu.tutela.tenantadmin.lifecycle.Provisioned;
import eu.tutela.tenantadmin.lifecycle.ProvisioningStep;
import eu.tutela.tenantadmin.lifecycle.TenantLifecycle;
import eu.tutela.tenantadmin.lifecycle.TenantSpec;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Provisioning resumes after the real servers fail between its steps: the Keycloak process stopped after the slug was
 * claimed, PostgreSQL stopped after the organization was made. Each time the first run reports what to do, the
 * retry yields one complete tenant, and neither store holds two or half of one. A deletion while Keycloak is away
 * removes the rows at once and the organization once Keycloak is back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProvisioningFaultsIT {

    private static final String OPERATOR = "faults@tutela.example";

    @Autowired
    IdentityProvider identity;

    private static TenantSpec spec(String slug) {
        return new TenantSpec(slug, "École " + slug, "BE", List.of("fr"), "Europe/Brussels", null, "admin@" + slug + ".example");
    }

    @Test
    void keycloakStoppedAfterTheClaimThenARetryFinishesTheTenantAndADeletionFinishesWhenItIsBack() throws Exception {
        Settings settings = Settings.ephemeralOnFreePorts().withDataMode(DataMode.PERSISTENT)
                .withDataDirectory(SharedKeycloak.itDataDirectory("provisioning-faults-" + UUID.randomUUID()));
        KeycloakDevServer[] keycloak = {KeycloakDevServer.start(settings)};
        // A database of its own: the portal beside it finishes deletions with its own Keycloak, not this one.
        EmbeddedPostgres postgres = startPostgres(Files.createTempDirectory("tutela-faults-postgres"), 0);
        try {
            prepare(postgres);
            DataSource dataSource = appDataSource(postgres.getPort());
            keycloak[0].awaitReady(SharedKeycloak.READY_TIMEOUT);
            String slug = "kc-stop-" + UUID.randomUUID().toString().substring(0, 8);
            try (KeycloakDirectory directory = new KeycloakDirectory(keycloak[0].baseUrl(), settings.adminUsername(),
                    settings.adminPassword())) {
                directory.ensureRealm(RealmSpec.tutelaOnLoopback("faults-secret"));
                TenantLifecycle stopping = new TenantLifecycle(dataSource, directory, step -> {
                    if (step == ProvisioningStep.CLAIMED) {
                        keycloak[0].close(); // the real process, stopped between the two steps
                    }
                });
                assertThatThrownBy(() -> stopping.create(spec(slug), OPERATOR)).isInstanceOfSatisfying(LifecycleException.class, e -> {
                    assertThat(e.reason()).isEqualTo(LifecycleException.Reason.KEYCLOAK_UNAVAILABLE);
                    assertThat(e.getMessage()).contains(slug, "run create again");
                });
                assertThat(status(dataSource, slug)).containsExactly("PROVISIONING");

                keycloak[0] = KeycloakDevServer.start(settings);
                keycloak[0].awaitReady(SharedKeycloak.READY_TIMEOUT);
                Provisioned done = new TenantLifecycle(dataSource, directory).create(spec(slug), OPERATOR);

                assertThat(done.resumed()).isTrue();
                assertThat(status(dataSource, slug)).containsExactly("ACTIVE");
                assertThat(directory.organizations()).filteredOn(o -> o.alias().equals(slug)).singleElement()
                        .satisfies(o -> assertThat(o.id()).isEqualTo(done.organizationId()));
                assertThat(JdbcClient.create(dataSource).sql("select organization_id from tenant where slug = ?").param(slug)
                        .query(String.class).single()).isEqualTo(done.organizationId());

                // Deleted while Keycloak is away: the rows go at once, the organization when Keycloak is back.
                TenantLifecycle lifecycle = new TenantLifecycle(dataSource, directory);
                Path zip = Files.createTempFile("faults-export", ".zip");
                lifecycle.export(slug, OPERATOR, zip, false, ExportProgress.NONE);
                keycloak[0].close();
                Deleted deleted = lifecycle.delete(slug, OPERATOR);
                assertThat(deleted.directoryWorkRemaining()).isEqualTo(1);
                assertThat(status(dataSource, slug)).isEmpty();
                assertThat(lifecycle.cleanUpDirectory()).as("still away").isEqualTo(1);
                keycloak[0] = KeycloakDevServer.start(settings);
                keycloak[0].awaitReady(SharedKeycloak.READY_TIMEOUT);
                assertThat(lifecycle.cleanUpDirectory()).isZero();
                assertThat(directory.findOrganization(slug)).isEmpty();
                Files.deleteIfExists(zip);
            }
        } finally {
            keycloak[0].close();
            close(postgres);
        }
    }

    @Test
    void postgresStoppedAfterTheOrganizationThenARetryFinishesTheTenant() throws Exception {
        Path data = Files.createTempDirectory("tutela-faults-postgres");
        EmbeddedPostgres[] postgres = {startPostgres(data, 0)};
        int port = postgres[0].getPort();
        try {
            prepare(postgres[0]);
            DataSource app = appDataSource(port);
            KeycloakDirectory directory = identity.awaitDirectory(Duration.ofMinutes(2));
            String slug = "pg-restart-" + UUID.randomUUID().toString().substring(0, 8);
            TenantLifecycle stopping = new TenantLifecycle(app, directory, step -> {
                if (step == ProvisioningStep.ORGANIZATION) {
                    close(postgres[0]); // between recording the organization and activating the tenant
                }
            });
            assertThatThrownBy(() -> stopping.create(spec(slug), OPERATOR)).isInstanceOfSatisfying(LifecycleException.class,
                    e -> assertThat(e.reason()).isEqualTo(LifecycleException.Reason.DATABASE_UNAVAILABLE));

            postgres[0] = startPostgres(data, port);
            assertThat(status(app, slug)).as("claimed, not finished").containsExactly("PROVISIONING");
            assertThatThrownBy(() -> new TenantLifecycle(app, directory).suspend(slug, OPERATOR))
                    .isInstanceOfSatisfying(LifecycleException.class, e -> assertThat(e.reason()).isEqualTo(LifecycleException.Reason.WRONG_STATE));
            Provisioned done = new TenantLifecycle(app, directory).create(spec(slug), OPERATOR);

            assertThat(done.resumed()).isTrue();
            assertThat(status(app, slug)).containsExactly("ACTIVE");
            assertThat(directory.organizations()).filteredOn(o -> o.alias().equals(slug)).singleElement()
                    .satisfies(o -> assertThat(o.id()).isEqualTo(done.organizationId()));
            assertThat(JdbcClient.create(app).sql("select action from platform_audit_entry where target_slug = ?").param(slug)
                    .query(String.class).list()).containsExactly("tenant.created");
            directory.deleteOrganization(done.organizationId()); // not the shared Keycloak's business after this test
        } finally {
            close(postgres[0]);
        }
    }

    private static List<String> status(DataSource dataSource, String slug) {
        return JdbcClient.create(dataSource).sql("select status from tenant where slug = ?").param(slug).query(String.class).list();
    }

    private static EmbeddedPostgres startPostgres(Path data, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1");
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    /** The portal's roles and schema, as the embedded defaults set them up. */
    private static void prepare(EmbeddedPostgres postgres) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("create role faults_owner login password 'faults_owner'");
            sql.execute("create role faults_app login password 'faults_app' nosuperuser nocreatedb nocreaterole nobypassrls");
            sql.execute("create database faults owner faults_owner");
        }
        Flyway.configure()
                .dataSource("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/faults", "faults_owner", "faults_owner")
                .placeholders(Map.of("appRole", "faults_app"))
                .locations("classpath:db/migration")
                .load().migrate();
    }

    private static DataSource appDataSource(int port) {
        PGSimpleDataSource app = new PGSimpleDataSource();
        app.setURL("jdbc:postgresql://127.0.0.1:" + port + "/faults");
        app.setUser("faults_app");
        app.setPassword("faults_app");
        return app;
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
