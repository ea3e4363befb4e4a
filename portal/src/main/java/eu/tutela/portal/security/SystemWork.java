package eu.tutela.portal.security;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Runs a step as the platform's own work (no person's authentication), for the one case where a
 * service has itself checked that the step is due: accepting a verified invitation grants a role that
 * the invitee could not grant themself; following an unsubscribe link changes a preference for a person who holds no
 * session at all, the link's secret being the proof. The step runs on a thread of its own: inside a Vaadin request
 * the security context comes from the HTTP session whatever the thread-local holds, so the signed-in
 * person cannot be set aside on the request's thread.
 */
public final class SystemWork {

    private SystemWork() {
    }

    public static <T> T call(Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, step -> Thread.ofVirtual().name("tutela-system-work").start(step)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
