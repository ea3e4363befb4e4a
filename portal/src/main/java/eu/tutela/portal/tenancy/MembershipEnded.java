package eu.tutela.portal.tenancy;

import java.util.UUID;

/**
 * A person no longer holds any role in a tenant: what depends on their membership elsewhere (their
 * Keycloak organization membership) ends too. Delivered at least once, after the commit.
 */
public record MembershipEnded(UUID tenantId, String tenantSlug, UUID userId, String email) {
}
