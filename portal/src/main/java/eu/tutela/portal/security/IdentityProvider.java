package eu.tutela.portal.security;

import eu.tutela.tenantadmin.keycloak.DirectoryException;
import eu.tutela.tenantadmin.keycloak.KeycloakDirectory;
import eu.tutela.tenantadmin.keycloak.RealmSpec;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The portal's handle on Keycloak's admin API. Where the portal manages the realm itself (the
 * embedded defaults), it sets the realm and the portal's client up once Keycloak answers, retrying
 * patiently: the portal is usable for everything but sign-in meanwhile.
 */
@Component
public class IdentityProvider {

    private static final Logger log = LoggerFactory.getLogger(IdentityProvider.class);
    private static final Duration RETRY = Duration.ofSeconds(3);
    /** Spring Security's OIDC Back-Channel Logout endpoint for the "keycloak" registration. */
    static final String BACKCHANNEL_LOGOUT_PATH = "/logout/connect/back-channel/" + KeycloakClientRegistration.REGISTRATION_ID;

    private final KeycloakSettings settings;
    private final KeycloakDirectory directory;
    private final CompletableFuture<KeycloakDirectory> realmReady = new CompletableFuture<>();

    IdentityProvider(KeycloakSettings settings) {
        this.settings = settings;
        this.directory = new KeycloakDirectory(settings.url(), settings.adminUsername(), settings.adminPassword(), settings.realm());
    }

    @EventListener(ApplicationReadyEvent.class)
    void setUpRealm(ApplicationReadyEvent ready) {
        if (!settings.manageRealm()) {
            realmReady.complete(directory);
            return;
        }
        String port = ready.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080");
        RealmSpec realm = RealmSpec.tutelaOnLoopback(settings.clientSecret())
                .withBackchannelLogoutUrl("http://127.0.0.1:" + port + BACKCHANNEL_LOGOUT_PATH);
        Thread.ofVirtual().name("tutela-realm-setup").start(() -> {
            long started = System.nanoTime();
            while (!realmReady.isDone()) {
                try {
                    directory.ensureRealm(realm);
                    log.info("Keycloak realm '{}' ready at {} ({} s after the portal was)", settings.realm(), settings.url(),
                            String.format("%.1f", (System.nanoTime() - started) / 1e9));
                    realmReady.complete(directory);
                } catch (DirectoryException e) {
                    log.debug("Keycloak not ready yet: {}", e.getMessage());
                    sleep();
                } catch (RuntimeException e) {
                    log.error("Could not set up the Keycloak realm '{}': {}", settings.realm(), e.getMessage(), e);
                    realmReady.completeExceptionally(e);
                }
            }
        });
    }

    /** The admin directory, once the realm exists. */
    public KeycloakDirectory awaitDirectory(Duration timeout) {
        try {
            return realmReady.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Keycloak realm not ready after " + timeout + " at " + settings.url(), e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(RETRY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
