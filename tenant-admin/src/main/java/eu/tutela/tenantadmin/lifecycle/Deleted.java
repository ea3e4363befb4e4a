package eu.tutela.tenantadmin.lifecycle;

/**
 * A deleted tenant: its rows are gone.
 *
 * @param accountsRemoved        the people who belonged to no other tenant, whose accounts go too
 * @param directoryWorkRemaining Keycloak steps not done yet (it did not answer): retried until done
 */
public record Deleted(String slug, int accountsRemoved, int directoryWorkRemaining) {
}
