package eu.tutela.portal.tenancy;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The person on whose behalf the current thread works: the signed-in person of a request, read from
 * a source the security module installs, or one stated explicitly (at sign-in, before the request
 * knows who it is). Like the tenant, it is bound to a transaction when the transaction begins
 * ({@code tutela.user_id}, see {@link TenantBindingJpaDialect}); the database shows a person's
 * record to that person and to the members of the tenant bound alongside, to nobody else.
 */
public final class ActingPerson {

    private static final TransactionBoundValue PERSON = new TransactionBoundValue("person");

    private ActingPerson() {
    }

    public static Optional<UUID> current() {
        return PERSON.current();
    }

    /**
     * Runs {@code work} on behalf of {@code personId}; refused inside an open transaction bound to
     * someone else, for the same reason as {@link TenantContext#callAs}.
     */
    public static <T> T callAs(UUID personId, Supplier<T> work) {
        return PERSON.callAs(personId, work);
    }

    public static void runAs(UUID personId, Runnable work) {
        PERSON.runAs(personId, work);
    }

    /** Installed once by the security module, which knows who signed in. */
    public static void useRequestSource(Supplier<Optional<UUID>> source) {
        PERSON.useSource(source);
    }
}
