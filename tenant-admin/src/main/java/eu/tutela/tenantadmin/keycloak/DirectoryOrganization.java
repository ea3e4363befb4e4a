package eu.tutela.tenantadmin.keycloak;

/** A Keycloak organization: one per tenant, its alias is the tenant slug. */
public record DirectoryOrganization(String id, String alias, String name, boolean enabled) {
}
