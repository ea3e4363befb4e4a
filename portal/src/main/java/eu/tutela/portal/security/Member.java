package eu.tutela.portal.security;

import eu.tutela.portal.tenancy.TenantRole;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * A member of a tenant, as the members page lists them; {@code locale} is the language to write to them in
 * (the one they chose, when the tenant offers it, else the tenant's first).
 */
public record Member(UUID userId, String displayName, String email, Set<TenantRole> roles, Locale locale) {
}
