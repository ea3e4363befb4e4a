package eu.tutela.portal.audit;

import java.time.Instant;
import java.util.UUID;

/** One link of a tenant's chain, as stored. */
public record AuditEntry(UUID tenantId, long seq, Instant occurredAt, UUID actorId, String actorLabel, String action,
        String subjectType, String subjectId, String subjectLabel, String summary, String previousHash, String hash) {
}
