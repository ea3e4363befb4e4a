package eu.tutela.tenantadmin.lifecycle;

import java.util.List;

/**
 * A lifecycle step refused or failed. {@link #reason()} says what kind (the console shows a localised message for
 * it, the command line an exit code); the message says it in English with the slug and what to do next. Whatever
 * the reason, no half-made or half-deleted tenant is left: see each operation for what a retry does.
 */
public class LifecycleException extends RuntimeException {

    /** What went wrong; each has its command-line exit code (documented in {@code tenant-admin --help}). */
    public enum Reason {
        /** The values are not valid: {@link #problems()} lists them. */
        INVALID(2),
        /** A tenant with this slug exists already. */
        DUPLICATE(3),
        /** No tenant has this slug. */
        NOT_FOUND(4),
        /** The tenant is not in a state that allows it (suspending one still being provisioned…). */
        WRONG_STATE(5),
        /** Deleting needs an export finished in the last 24 hours. */
        NO_RECENT_EXPORT(6),
        /** Another run is working on this tenant right now (provisioning or deleting it). */
        BUSY(7),
        /** Keycloak cannot be reached: the step can be retried as it is once it answers. */
        KEYCLOAK_UNAVAILABLE(8),
        /** Keycloak answered but refused (credentials, a disabled organization…). */
        KEYCLOAK_REFUSED(9),
        /** PostgreSQL cannot be reached: retry once it answers. */
        DATABASE_UNAVAILABLE(10);

        private final int exitCode;

        Reason(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private final Reason reason;
    private final List<SpecProblem> problems;

    public LifecycleException(Reason reason, String message, Throwable cause) {
        this(reason, message, List.of(), cause);
    }

    private LifecycleException(Reason reason, String message, List<SpecProblem> problems, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.problems = List.copyOf(problems);
    }

    static LifecycleException invalid(List<SpecProblem> problems) {
        return new LifecycleException(Reason.INVALID, "Invalid tenant: " + String.join("; ",
                problems.stream().map(SpecProblem::toString).toList()), problems, null);
    }

    public Reason reason() {
        return reason;
    }

    /** For {@link Reason#INVALID}: each problem with its field; empty otherwise. */
    public List<SpecProblem> problems() {
        return problems;
    }
}
