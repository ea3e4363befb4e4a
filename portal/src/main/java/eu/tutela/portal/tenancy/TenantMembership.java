package eu.tutela.portal.tenancy;

import java.util.UUID;

/** One role of one user in one tenant, as the tenant switcher lists it. */
public record TenantMembership(UUID tenantId, String tenantSlug, String tenantName, TenantRole role) {
}
