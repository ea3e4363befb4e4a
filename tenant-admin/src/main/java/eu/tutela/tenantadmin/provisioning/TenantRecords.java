package eu.tutela.tenantadmin.provisioning;

/**
 * The caller's side of a tenant (the portal stores it in its database). {@link TenantProvisioning} calls
 * {@link #create} after the Keycloak organization exists; if it throws, the organization is removed again.
 */
@FunctionalInterface
public interface TenantRecords {

    /**
     * Stores the tenant. Must be atomic on the caller's side (one transaction): either the tenant is stored, or this
     * method throws and nothing is.
     *
     * @param spec           the validated tenant
     * @param organizationId the id of its Keycloak organization (the alias is {@code spec.slug()})
     */
    void create(TenantSpec spec, String organizationId);
}
