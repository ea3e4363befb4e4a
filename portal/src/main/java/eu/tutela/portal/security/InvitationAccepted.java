package eu.tutela.portal.security;

import eu.tutela.portal.tenancy.TenantRole;
import java.util.UUID;

/**
 * Someone accepted an invitation and holds its role in the tenant now; {@code personId} names the person of the registry
 * the invitation was for (a guardian, a student), whose portal account is now {@code userId}, or is null for a colleague.
 * Published in the acceptance's transaction.
 */
public record InvitationAccepted(UUID tenantId, UUID invitationId, UUID userId, TenantRole role, UUID personId) {
}
