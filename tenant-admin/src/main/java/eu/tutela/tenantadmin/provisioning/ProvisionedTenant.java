package eu.tutela.tenantadmin.provisioning;

/** A tenant that exists in Keycloak and in the caller's records. */
public record ProvisionedTenant(TenantSpec spec, String organizationId) {
}
