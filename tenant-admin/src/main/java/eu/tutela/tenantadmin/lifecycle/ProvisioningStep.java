package eu.tutela.tenantadmin.lifecycle;

/**
 * The steps of provisioning, in order. Each is idempotent, and each is recorded before the next begins, so a run
 * interrupted anywhere (Keycloak stopped, PostgreSQL restarted, the process killed) is finished by running it again.
 */
public enum ProvisioningStep {
    /** The slug is taken: the tenant row exists, status PROVISIONING, with its settings and first administrator. */
    CLAIMED,
    /** The Keycloak organization (alias = slug) exists and its id is recorded. */
    ORGANIZATION,
    /** The tenant is ACTIVE and the platform audit says so; the portal invites the first administrator. */
    ACTIVATED;

    /** Told after each step is done and recorded. */
    @FunctionalInterface
    public interface Observer {

        Observer NONE = step -> { };

        void done(ProvisioningStep step);
    }
}
