package eu.tutela.tenantadmin.lifecycle;

import java.time.Instant;
import java.util.UUID;

/** One operator action in the platform's audit stream; {@code tenantId} and {@code slug} name the tenant it concerned. */
public record PlatformAuditEntry(long seq, Instant occurredAt, String actor, String action, UUID tenantId, String slug,
        String summary, String previousHash, String hash) {
}
