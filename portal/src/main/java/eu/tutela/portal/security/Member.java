package eu.tutela.portal.security;

import eu.tutela.portal.tenancy.TenantRole;
import java.util.Set;
import java.util.UUID;

/** A colleague in a tenant, as the members page lists them. */
public record Member(UUID userId, String displayName, String email, Set<TenantRole> roles) {
}
