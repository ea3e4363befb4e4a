package eu.tutela.tenantadmin;

import java.nio.file.Path;
import java.time.Duration;

import eu.tutela.tenantadmin.devserver.KeycloakDevServer;
import eu.tutela.tenantadmin.devserver.Settings;
import eu.tutela.tenantadmin.keycloak.KeycloakDirectory;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real, ephemeral Keycloak for all integration tests of the module: started by the first test class that uses
 * this extension, stopped when the test run ends (root store), on free loopback ports.
 */
public final class SharedKeycloak implements BeforeAllCallback {

    public static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

    private static volatile Running running;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(SharedKeycloak.class.getName(), key -> start(), Running.class);
    }

    private static Running start() {
        Settings settings = Settings.ephemeralOnFreePorts().withDataDirectory(itDataDirectory("shared"));
        KeycloakDevServer server = KeycloakDevServer.start(settings);
        try {
            Duration took = server.awaitReady(READY_TIMEOUT);
            System.out.println("KEYCLOAK shared ephemeral server ready after " + took.toMillis() + " ms");
            KeycloakDirectory directory = new KeycloakDirectory(server.baseUrl(), settings.adminUsername(),
                    settings.adminPassword());
            running = new Running(server, directory);
            return running;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Where ITs keep Keycloak data: {@code target/keycloak-it/<name>} (system property set by failsafe). */
    public static Path itDataDirectory(String name) {
        return Path.of(System.getProperty("tutela.it.keycloak.data", "target/keycloak-it")).resolve(name);
    }

    public static KeycloakDevServer server() {
        return current().server();
    }

    public static KeycloakDirectory directory() {
        return current().directory();
    }

    private static Running current() {
        if (running == null) {
            throw new IllegalStateException("Annotate the test class with @ExtendWith(SharedKeycloak.class)");
        }
        return running;
    }

    record Running(KeycloakDevServer server, KeycloakDirectory directory) implements AutoCloseable {
        @Override
        public void close() {
            directory.close();
            server.close();
        }
    }
}
