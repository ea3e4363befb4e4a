package eu.tutela.portal.security;

import eu.tutela.tenantadmin.keycloak.DirectoryException;
import eu.tutela.tenantadmin.keycloak.KeycloakDirectory;
import eu.tutela.tenantadmin.keycloak.RealmSpec;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The portal's handle on Keycloak's admin API, as the service account of the realm's directory
 * client: people and organizations of one realm, nothing more. Once Keycloak answers, the handle is
 * ready; while it is unreachable the portal keeps trying (it is usable for everything but sign-in
 * meanwhile); when Keycloak refuses the credentials or the request, the log says what to fix and the
 * trying stops, since no retry mends a wrong secret. Where the portal manages the realm itself (the
 * embedded defaults), it first sets the realm and its two clients up as the bootstrap administrator.
 */
@Component
public class IdentityProvider {

    private static final Logger log = LoggerFactory.getLogger(IdentityProvider.class);
    private static final Duration RETRY = Duration.ofSeconds(3);
    /** Spring Security's OIDC Back-Channel Logout endpoint for the "keycloak" registration. */
    static final String BACKCHANNEL_LOGOUT_PATH = "/logout/connect/back-channel/" + KeycloakClientRegistration.REGISTRATION_ID;

    private final KeycloakSettings settings;
    private final KeycloakDirectory directory;
    private final CompletableFuture<KeycloakDirectory> ready = new CompletableFuture<>();
    private volatile Thread setUp;

    IdentityProvider(KeycloakSettings settings) {
        this.settings = settings;
        this.directory = KeycloakDirectory.asServiceAccount(settings.url(), settings.realm(), settings.directoryClientId(),
                settings.directoryClientSecret());
    }

    @EventListener(ApplicationReadyEvent.class)
    void setUpInBackground(ApplicationReadyEvent event) {
        Environment env = event.getApplicationContext().getEnvironment();
        setUp = Thread.ofVirtual().name("tutela-keycloak-setup").start(() -> setUp(env));
    }

    private void setUp(Environment env) {
        long started = System.nanoTime();
        while (!ready.isDone()) {
            try {
                if (settings.manageRealm()) {
                    try (KeycloakDirectory bootstrap = new KeycloakDirectory(settings.url(), settings.adminUsername(),
                            settings.adminPassword(), settings.realm())) {
                        bootstrap.ensureRealm(realmSpec(env));
                    }
                }
                directory.findOrganization("tutela-readiness-probe");
                log.info("Keycloak realm '{}' ready at {} ({} s after the portal was)", settings.realm(), settings.url(),
                        String.format("%.1f", (System.nanoTime() - started) / 1e9));
                ready.complete(directory);
            } catch (DirectoryException e) {
                if (e.isMisconfiguration()) {
                    log.error("Keycloak at {} refused the portal (HTTP {}): check that realm '{}' has the confidential client '{}' "
                            + "with a service account holding the realm-management roles {}, and that TUTELA_KEYCLOAK_DIRECTORY_SECRET "
                            + "is its secret. Not retrying. {}", settings.url(), e.status(), settings.realm(),
                            settings.directoryClientId(), KeycloakDirectory.DIRECTORY_ROLES, e.getMessage());
                    ready.completeExceptionally(e);
                    return;
                }
                log.debug("Keycloak not ready yet: {}", e.getMessage());
                if (!pause()) {
                    ready.completeExceptionally(new IllegalStateException("Interrupted while waiting for Keycloak"));
                    return;
                }
            } catch (RuntimeException e) {
                log.error("Could not set up the Keycloak realm '{}': {}", settings.realm(), e.getMessage(), e);
                ready.completeExceptionally(e);
                return;
            }
        }
    }

    private RealmSpec realmSpec(Environment env) {
        String port = env.getProperty("local.server.port", "8080");
        RealmSpec realm = RealmSpec.tutelaOnLoopback(settings.clientSecret())
                .withBackchannelLogoutUrl("http://127.0.0.1:" + port + BACKCHANNEL_LOGOUT_PATH)
                .withDirectoryClient(settings.directoryClientSecret());
        String mailHost = env.getProperty("spring.mail.host");
        return mailHost == null ? realm
                : realm.withMail(new RealmSpec.RealmMail(mailHost, env.getProperty("spring.mail.port", Integer.class, 25),
                        "no-reply@tutela.example"));
    }

    /**
     * The admin directory as it is, without waiting for Keycloak: for work that reports Keycloak being away itself
     * (the tenant lifecycle, which tells the operator to retry).
     */
    public KeycloakDirectory directory() {
        return directory;
    }

    /** The admin directory, once Keycloak answers for it. */
    public KeycloakDirectory awaitDirectory(Duration timeout) {
        try {
            return ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Keycloak realm not ready after " + timeout + " at " + settings.url()
                    + ": " + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()), e);
        }
    }

    @PreDestroy
    void stop() {
        Thread running = setUp;
        if (running != null) {
            running.interrupt();
        }
        directory.close();
    }

    /** Waits before the next try; false when interrupted (the portal is stopping): then stop trying. */
    private static boolean pause() {
        try {
            Thread.sleep(RETRY);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
