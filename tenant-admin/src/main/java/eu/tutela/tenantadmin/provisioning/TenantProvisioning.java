package eu.tutela.tenantadmin.provisioning;

import java.util.Objects;
import java.util.Optional;

import eu.tutela.tenantadmin.keycloak.DirectoryOrganization;
import eu.tutela.tenantadmin.keycloak.KeycloakDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a tenant: the Keycloak organization (alias = slug), then the caller's record. If a step fails, the steps
 * before it are undone, so there is never a half-made tenant.
 *
 * <p>The slug is claimed from the caller's records first: a second run for the same slug stops there, before it
 * could delete an organization that the first run made and recorded.
 *
 * <p>If the organization already exists (a previous attempt died between the two steps, or it was made by hand),
 * it is reused, and it is not deleted when the record step fails, since this run did not make it. An existing
 * organization that is disabled was disabled by someone on purpose: provisioning stops rather than re-enable it.
 */
public final class TenantProvisioning {

    private static final Logger LOG = LoggerFactory.getLogger(TenantProvisioning.class);

    private final KeycloakDirectory directory;
    private final TenantRecords records;

    public TenantProvisioning(KeycloakDirectory directory, TenantRecords records) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.records = Objects.requireNonNull(records, "records");
    }

    /**
     * Provisions the tenant.
     *
     * @throws TenantProvisioningException if a step failed (after undoing the earlier ones); its cause is the failure
     */
    public ProvisionedTenant provision(TenantSpec spec) {
        Objects.requireNonNull(spec, "spec");
        if (!records.claim(spec.slug())) {
            throw new TenantProvisioningException("Tenant '" + spec.slug()
                    + "' exists already or is being provisioned by another run. Nothing was changed.", null);
        }
        try {
            return provisionClaimed(spec);
        } catch (RuntimeException e) {
            records.release(spec.slug());
            throw e;
        }
    }

    private ProvisionedTenant provisionClaimed(TenantSpec spec) {
        Optional<DirectoryOrganization> before;
        String organizationId;
        try {
            before = directory.findOrganization(spec.slug());
            if (before.isPresent() && !before.get().enabled()) {
                throw new TenantProvisioningException("The Keycloak organization '" + spec.slug()
                        + "' exists and was disabled on purpose; enable it in Keycloak first if the tenant is to be made. "
                        + "Nothing was changed.", null);
            }
            organizationId = directory.ensureOrganization(spec.slug(), spec.displayName());
        } catch (TenantProvisioningException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new TenantProvisioningException("Could not create the Keycloak organization for tenant '"
                    + spec.slug() + "': " + e.getMessage() + ". Nothing was created.", e);
        }
        boolean createdHere = before.isEmpty();
        try {
            records.create(spec, organizationId);
        } catch (RuntimeException e) {
            if (!createdHere) {
                throw new TenantProvisioningException("Could not store tenant '" + spec.slug() + "': " + e.getMessage()
                        + ". Its Keycloak organization existed before and was left in place.", e);
            }
            try {
                directory.deleteOrganization(organizationId);
            } catch (RuntimeException undo) {
                e.addSuppressed(undo);
                LOG.error("Tenant {}: storing failed and the organization {} could not be deleted; delete it by hand",
                        spec.slug(), organizationId, undo);
                throw new TenantProvisioningException("Could not store tenant '" + spec.slug() + "': " + e.getMessage()
                        + ", and deleting its Keycloak organization " + organizationId + " failed too: "
                        + undo.getMessage(), e);
            }
            throw new TenantProvisioningException("Could not store tenant '" + spec.slug() + "': " + e.getMessage()
                    + ". Its Keycloak organization was deleted again.", e);
        }
        LOG.info("Provisioned tenant {} (organization {})", spec.slug(), organizationId);
        return new ProvisionedTenant(spec, organizationId);
    }
}
