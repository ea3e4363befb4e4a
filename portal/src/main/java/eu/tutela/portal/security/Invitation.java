package eu.tutela.portal.security;

import eu.tutela.portal.tenancy.TenantRole;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** An invitation as its tenant's administrators see it. */
public record Invitation(UUID id, String email, TenantRole role, Locale locale, Instant createdAt, Instant expiresAt,
        Instant acceptedAt, Instant revokedAt) {

    public enum Status { PENDING, EXPIRED, ACCEPTED, REVOKED }

    public Status status(Instant now) {
        if (acceptedAt != null) {
            return Status.ACCEPTED;
        }
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return now.isBefore(expiresAt) ? Status.PENDING : Status.EXPIRED;
    }
}
