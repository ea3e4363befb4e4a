package eu.tutela.portal.devservices;

import eu.tutela.tenantadmin.devserver.KeycloakDevServer;
import eu.tutela.tenantadmin.devserver.Settings;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The Keycloak server distribution, run as a child process by tenant-admin's launcher. */
final class EmbeddedKeycloak implements AutoCloseable {

    private final KeycloakDevServer server;
    private volatile Instant readyAt;

    private EmbeddedKeycloak(KeycloakDevServer server) {
        this.server = server;
    }

    static EmbeddedKeycloak start(EmbeddedSettings embedded) {
        int http = embedded.port(embedded.keycloakPort());
        int management = embedded.port(embedded.keycloakManagementPort());
        Settings settings = (embedded.persistent() ? Settings.persistent() : Settings.ephemeral(http, management))
                .withPorts(http, management)
                .withDataDirectory(embedded.home().resolve("keycloak"));
        return new EmbeddedKeycloak(KeycloakDevServer.start(settings));
    }

    String baseUrl() {
        return server.baseUrl();
    }

    String adminUsername() {
        return server.settings().adminUsername();
    }

    String adminPassword() {
        return server.settings().adminPassword();
    }

    Instant awaitReady(Duration timeout) {
        if (readyAt == null) {
            server.awaitReady(timeout);
            readyAt = Instant.now();
        }
        return readyAt;
    }

    Optional<Instant> readyAt() {
        return Optional.ofNullable(readyAt);
    }

    @Override
    public void close() {
        server.close();
    }
}
