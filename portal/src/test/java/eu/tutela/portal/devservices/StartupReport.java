package eu.tutela.portal.devservices;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Prints how long the portal took to become ready once the embedded PostgreSQL and Keycloak were up. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        Instant ready = Instant.now();
        Instant jvmStart = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        EmbeddedServices.current().ifPresentOrElse(services -> {
            Instant databaseUp = services.postgresReadyAt().orElse(jvmStart);
            Instant keycloakUp = services.keycloakReadyAt().orElse(databaseUp);
            Instant dependenciesUp = keycloakUp.isAfter(databaseUp) ? keycloakUp : databaseUp;
            log.info("STARTUP portal ready {} s after PostgreSQL and Keycloak were up (PostgreSQL up at {} s, Keycloak at {} s, "
                    + "portal at {} s after JVM start)", seconds(dependenciesUp, ready), seconds(jvmStart, databaseUp),
                    seconds(jvmStart, keycloakUp), seconds(jvmStart, ready));
        }, () -> log.info("STARTUP portal ready {} s after JVM start", seconds(jvmStart, ready)));
    }

    private static String seconds(Instant from, Instant to) {
        return String.format("%.1f", Duration.between(from, to).toMillis() / 1000.0);
    }
}
