package eu.tutela.portal.audit;

import java.time.Instant;
import java.util.UUID;

/** What the trail is narrowed to; every part is optional (null). {@code subject} matches an id or a label, in part. */
public record AuditFilter(Instant from, Instant to, UUID actorId, String action, String subject) {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null);
}
