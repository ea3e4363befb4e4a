package eu.tutela.portal.tenancy;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The tenant whose data the current thread may touch. A transaction reads it once, when it begins
 * (see {@link TenantBindingJpaDialect}): Hibernate's tenant identifier and the database setting that
 * row-level security reads both come from that one reading, and both last exactly as long as the
 * transaction. Asking for another tenant while a transaction is open is refused, because the open
 * transaction would silently keep serving the first one.
 *
 * <p>Inside a Vaadin request the tenant comes from the UI being served (set by the navigation
 * guard); background work states its tenant explicitly with {@link #callAs}.
 */
public final class TenantContext {

    private static final TransactionBoundValue TENANT = new TransactionBoundValue("tenant");

    private TenantContext() {
    }

    public static Optional<UUID> current() {
        return TENANT.current();
    }

    /**
     * Runs {@code work} for {@code tenantId}. Inside an open transaction only the transaction's own
     * tenant is accepted: start the other tenant's work in a transaction of its own instead.
     *
     * @throws TenantSwitchRefusedException when a transaction for another tenant (or for none) is open
     */
    public static <T> T callAs(UUID tenantId, Supplier<T> work) {
        return TENANT.callAs(tenantId, work);
    }

    public static void runAs(UUID tenantId, Runnable work) {
        TENANT.runAs(tenantId, work);
    }

    /**
     * The work, bound to the tenant and person of the code that hands it on (to an executor, a job,
     * {@code UI.access}): it runs for them on whatever thread picks it up. For a Vaadin callback:
     * {@code ui.access(TenantContext.bind(() -> ...)::run)}, so that an import for school A finishing
     * after the tab moved on to school B still runs as A (an explicit tenant wins over the tab's).
     */
    public static Runnable bind(Runnable work) {
        Optional<UUID> tenant = current();
        Optional<UUID> person = ActingPerson.current();
        Runnable asPerson = person.<Runnable>map(id -> () -> ActingPerson.runAs(id, work)).orElse(work);
        return tenant.<Runnable>map(id -> () -> runAs(id, asPerson)).orElse(asPerson);
    }

    /** Installed once by the UI layer, which knows which tenant the current browser tab is in. */
    public static void useUiTenantSource(Supplier<Optional<UUID>> source) {
        TENANT.useSource(source);
    }
}
