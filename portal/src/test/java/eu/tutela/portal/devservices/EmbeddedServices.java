package eu.tutela.portal.devservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import org.springframework.boot.SpringApplication;

/**
 * The real PostgreSQL, Keycloak and SMTP servers that the project starts by itself on loopback
 * when nothing else is configured. One set per JVM: every Spring context of a test run shares it,
 * and a JVM shutdown (Ctrl-C included) stops every child process.
 */
public final class EmbeddedServices {

    private static EmbeddedServices running;

    private final EmbeddedSettings settings;
    private EmbeddedPostgresServer postgres;
    private EmbeddedKeycloak keycloak;
    private EmbeddedSmtpServer smtp;
    private Instant postgresReadyAt;

    EmbeddedServices(EmbeddedSettings settings) {
        this.settings = settings;
    }

    static synchronized EmbeddedServices startOnce(EmbeddedSettings settings) {
        if (running == null) {
            EmbeddedServices services = new EmbeddedServices(settings);
            // After Spring has closed every application context, not beside it: a context closing while PostgreSQL is
            // already gone waits for a connection until the pool's timeout (the event registry reads at shutdown).
            SpringApplication.getShutdownHandlers().add(services::stop);
            running = services;
        }
        return running;
    }

    /** The servers of this JVM, if the project started any. */
    public static synchronized Optional<EmbeddedServices> current() {
        return Optional.ofNullable(running);
    }

    synchronized void startKeycloak() {
        if (keycloak == null) {
            // Spawned first and not awaited: Keycloak needs 20–40 s and the portal boots meanwhile.
            keycloak = EmbeddedKeycloak.start(settings);
        }
    }

    synchronized void startPostgres() {
        if (postgres == null) {
            Path data = settings.home().resolve("postgres");
            postgres = EmbeddedPostgresServer.start(data, settings.persistent(), settings.port(settings.postgresPort()));
            postgresReadyAt = Instant.now();
        }
    }

    synchronized void startSmtp() {
        if (smtp == null) {
            smtp = EmbeddedSmtpServer.start(settings.port(settings.smtpPort()));
        }
    }

    EmbeddedPostgresServer postgres() {
        return postgres;
    }

    /** Whether this run started the Keycloak that answers at {@code url}. */
    public boolean startedKeycloakAt(String url) {
        return keycloak().map(EmbeddedKeycloak::baseUrl).filter(own -> own.equals(url)).isPresent();
    }

    Optional<EmbeddedKeycloak> keycloak() {
        return Optional.ofNullable(keycloak);
    }

    public Optional<EmbeddedSmtpServer> smtp() {
        return Optional.ofNullable(smtp);
    }

    public Optional<Instant> postgresReadyAt() {
        return Optional.ofNullable(postgresReadyAt);
    }

    /** When the embedded Keycloak answered its readiness probe, if it was started and awaited. */
    public Optional<Instant> keycloakReadyAt() {
        return keycloak().flatMap(EmbeddedKeycloak::readyAt);
    }

    /** Blocks until the embedded Keycloak answers its readiness probe; empty if none was started. */
    public Optional<Instant> awaitKeycloak(Duration timeout) {
        return keycloak().map(k -> k.awaitReady(timeout));
    }

    synchronized void stop() {
        if (smtp != null) {
            smtp.close();
            smtp = null;
        }
        if (keycloak != null) {
            keycloak.close();
            keycloak = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
        if (settings.temporaryHome()) {
            deleteQuietly(settings.home());
        }
    }

    private static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // A temporary folder left behind is harmless; the next run uses a new one.
        }
    }
}
