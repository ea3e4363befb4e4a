package eu.tutela.portal.policy;

import java.util.UUID;

/** Published in the transaction that made {@code number} the tenant's active version. */
public record PolicyPublished(UUID tenantId, int number, VersionKind kind) {
}
