package eu.tutela.portal.consent;

import java.util.UUID;

/** Published in the transaction that recorded a decision: what depends on a consent (an account, a message) may follow. */
public record ConsentDecided(UUID tenantId, UUID subjectId, UUID giverId, UUID purposeId, Decision decision, boolean allowedNow) {
}
