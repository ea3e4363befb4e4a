package eu.tutela.portal.demo;

import eu.tutela.portal.security.SignedInAs;
import eu.tutela.portal.tenancy.Tenant;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;

/**
 * The demo set-up acting as a demo administrator, one step at a time. Each step signs in afresh and is
 * tried again when refused: in a test run, another Spring context starting meanwhile installs a new
 * security-context strategy for the whole JVM (Vaadin's), and the background set-up loses its sign-in.
 * Steps are written to be run again safely (each checks what is already there).
 */
final class DemoActor {

    private static final int ATTEMPTS = 10;

    private DemoActor() {
    }

    static <T> T as(UUID person, Tenant tenant, Supplier<T> step) {
        for (int attempt = 1; ; attempt++) {
            try {
                return SignedInAs.inTenant(person, tenant, step);
            } catch (AccessDeniedException lostSignIn) {
                if (attempt == ATTEMPTS) {
                    throw lostSignIn;
                }
                try {
                    Thread.sleep(300L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw lostSignIn;
                }
            }
        }
    }
}
