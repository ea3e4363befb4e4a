package eu.tutela.portal.devservices;

import eu.tutela.tenantadmin.devserver.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.env.Environment;

/**
 * How the embedded servers are laid out. A persistent set (the demo) keeps its data under
 * {@code ~/.tutela/dev} and fixed ports, so a second start finds yesterday's tenants; an ephemeral
 * set (the tests) lives on free ports, with data thrown away at exit.
 *
 * @param temporaryHome whether this run created {@code home} itself, and so may delete it at exit.
 *                      A folder the user named ({@code tutela.embedded.home}) is never deleted.
 */
record EmbeddedSettings(Path home, boolean temporaryHome, boolean persistent, int postgresPort, int keycloakPort,
        int keycloakManagementPort, int smtpPort) {

    static EmbeddedSettings from(Environment env) {
        boolean persistent = env.getProperty("tutela.embedded.persistent", Boolean.class, false);
        String configuredHome = env.getProperty("tutela.embedded.home");
        boolean temporary = configuredHome == null && !persistent;
        Path home = configuredHome != null ? Path.of(configuredHome).toAbsolutePath()
                : persistent ? Path.of(System.getProperty("user.home"), ".tutela", "dev") : createTemporaryHome();
        return new EmbeddedSettings(home, temporary, persistent,
                env.getProperty("tutela.embedded.postgres-port", Integer.class, 0),
                env.getProperty("tutela.embedded.keycloak-port", Integer.class, 0),
                env.getProperty("tutela.embedded.keycloak-management-port", Integer.class, 0),
                env.getProperty("tutela.embedded.smtp-port", Integer.class, 0));
    }

    /** The configured port, or a free loopback port when 0. */
    int port(int configured) {
        if (configured > 0) {
            return configured;
        }
        return FreePorts.findOne();
    }

    private static Path createTemporaryHome() {
        try {
            return Files.createTempDirectory("tutela-embedded-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
