package eu.tutela.portal.devservices;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Prints how long the portal took to become ready once its database was up, and when the
 * embedded Keycloak (started in parallel, not awaited) became ready.
 */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        Instant ready = Instant.now();
        Instant jvmStart = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        EmbeddedServices.current().ifPresentOrElse(services -> {
            Instant databaseUp = services.postgresReadyAt().orElse(jvmStart);
            log.info("STARTUP portal ready {} s after PostgreSQL was up ({} s after JVM start)",
                    seconds(databaseUp, ready), seconds(jvmStart, ready));
            Thread.ofVirtual().name("tutela-keycloak-wait").start(() -> {
                try {
                    services.awaitKeycloak(Duration.ofMinutes(5)).ifPresent(keycloakReady ->
                            log.info("STARTUP embedded Keycloak ready {} s after JVM start", seconds(jvmStart, keycloakReady)));
                } catch (RuntimeException e) {
                    log.error("The embedded Keycloak did not become ready: {}", e.getMessage());
                }
            });
        }, () -> log.info("STARTUP portal ready {} s after JVM start", seconds(jvmStart, ready)));
    }

    private static String seconds(Instant from, Instant to) {
        return String.format("%.1f", Duration.between(from, to).toMillis() / 1000.0);
    }
}
