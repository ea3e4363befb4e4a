package eu.tutela.tenantadmin.provisioning;

/**
 * The caller's side of a tenant (the portal stores it in its database). {@link TenantProvisioning} first claims the
 * slug, so that two runs for one slug never both reach Keycloak; then calls {@link #create} once the Keycloak
 * organization exists; if that throws, the organization is removed again and the claim released.
 */
public interface TenantRecords {

    /**
     * Claims the slug for this run. Must be atomic on the caller's side (a unique row, a lock): of two runs asking at
     * once, at most one gets {@code true}. A slug that is stored as a tenant already, or claimed by another run, is not
     * available.
     *
     * @return whether this run now holds the slug
     */
    boolean claim(String slug);

    /**
     * Stores the tenant. Must be atomic on the caller's side (one transaction): either the tenant is stored, or this
     * method throws and nothing is.
     *
     * @param spec           the validated tenant
     * @param organizationId the id of its Keycloak organization (the alias is {@code spec.slug()})
     */
    void create(TenantSpec spec, String organizationId);

    /** Gives up this run's claim after a failure, so that a later run may try again. */
    void release(String slug);
}
