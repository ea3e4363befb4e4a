package eu.tutela.portal.tenancy;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The tenant whose data the current thread may touch. The database connection reads it at every
 * checkout (see {@link TenantBoundDataSource}) and Hibernate's tenant discriminator reads it for
 * every session, so the two layers of isolation always agree.
 *
 * <p>Inside a Vaadin request the tenant comes from the UI being served (set by the navigation
 * guard); background work states its tenant explicitly with {@link #callAs}.
 */
public final class TenantContext {

    private static final ThreadLocal<UUID> EXPLICIT = new ThreadLocal<>();
    private static volatile Supplier<Optional<UUID>> uiTenant = Optional::empty;

    private TenantContext() {
    }

    public static Optional<UUID> current() {
        UUID explicit = EXPLICIT.get();
        return explicit != null ? Optional.of(explicit) : uiTenant.get();
    }

    public static <T> T callAs(UUID tenantId, Supplier<T> work) {
        UUID previous = EXPLICIT.get();
        EXPLICIT.set(tenantId);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                EXPLICIT.remove();
            } else {
                EXPLICIT.set(previous);
            }
        }
    }

    public static void runAs(UUID tenantId, Runnable work) {
        callAs(tenantId, () -> {
            work.run();
            return null;
        });
    }

    /** Installed once by the UI layer, which knows which tenant the current browser tab is in. */
    public static void useUiTenantSource(Supplier<Optional<UUID>> source) {
        uiTenant = source;
    }
}
