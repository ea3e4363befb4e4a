package eu.tutela.tenantadmin.lifecycle;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant as the operator sees it in a list.
 *
 * @param status       {@code PROVISIONING} (a run has not finished: run create again), {@code ACTIVE} or {@code SUSPENDED}
 * @param members      people holding at least one role in it
 * @param lastActivity the time of its newest audit entry; null when nothing happened in it yet
 */
public record TenantSummary(UUID id, String slug, String name, String country, String status, Instant createdAt,
        Instant statusChangedAt, String organizationId, long members, Instant lastActivity) {

    public boolean isSuspended() {
        return "SUSPENDED".equals(status);
    }

    public boolean isProvisioning() {
        return "PROVISIONING".equals(status);
    }
}
