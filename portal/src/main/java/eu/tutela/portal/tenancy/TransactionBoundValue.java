package eu.tutela.portal.tenancy;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A value a transaction reads once, when it begins (the tenant, the acting person): stated
 * explicitly for a piece of work, or else taken from a source the web layer installs. Once a
 * transaction is open, asking for another value is refused: the transaction would silently keep
 * serving the one it began with.
 */
final class TransactionBoundValue {

    private final String what;
    private final ThreadLocal<UUID> explicit = new ThreadLocal<>();
    private volatile Supplier<Optional<UUID>> source = Optional::empty;

    TransactionBoundValue(String what) {
        this.what = what;
    }

    Optional<UUID> current() {
        UUID value = explicit.get();
        return value != null ? Optional.of(value) : source.get();
    }

    <T> T callAs(UUID value, Supplier<T> work) {
        Objects.requireNonNull(value, what);
        Optional<UUID> bound = current();
        if (TransactionSynchronizationManager.isActualTransactionActive() && !bound.equals(Optional.of(value))) {
            throw new TenantSwitchRefusedException("Refused to run as " + what + " " + value + " inside a transaction bound to "
                    + bound.map(id -> what + " " + id).orElse("no " + what) + ": start a transaction of its own");
        }
        UUID previous = explicit.get();
        explicit.set(value);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                explicit.remove();
            } else {
                explicit.set(previous);
            }
        }
    }

    void runAs(UUID value, Runnable work) {
        callAs(value, () -> {
            work.run();
            return null;
        });
    }

    void useSource(Supplier<Optional<UUID>> newSource) {
        source = newSource;
    }
}
