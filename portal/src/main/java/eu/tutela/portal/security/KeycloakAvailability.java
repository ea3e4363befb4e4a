package eu.tutela.portal.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Whether the sign-in service answers. Checked every few seconds from start-up, so that a Keycloak
 * that is down is reported once, clearly, and the sign-in page waits for it instead of failing.
 */
@Component
public class KeycloakAvailability {

    private static final Logger log = LoggerFactory.getLogger(KeycloakAvailability.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI probe;
    private volatile Boolean available;

    KeycloakAvailability(KeycloakSettings keycloak) {
        this.probe = URI.create(keycloak.realmUrl() + "/.well-known/openid-configuration");
    }

    public boolean isAvailable() {
        if (available == null) {
            check();
        }
        return available;
    }

    @Scheduled(initialDelay = 0, fixedDelay = 5_000)
    void check() {
        boolean now = answers();
        Boolean before = available;
        available = now;
        if (now && !Boolean.TRUE.equals(before)) {
            log.info("Keycloak answers at {}", probe);
        } else if (!now && !Boolean.FALSE.equals(before)) {
            log.warn("Keycloak is not reachable at {}: sign-in waits for it; retrying every 5 s", probe);
        }
    }

    private boolean answers() {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
