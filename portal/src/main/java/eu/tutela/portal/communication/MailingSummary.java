package eu.tutela.portal.communication;

import java.time.Instant;
import java.util.UUID;

/**
 * A mailing and what became of it so far: how many it was sent to, how many were held back because the purpose or
 * e-mail is not allowed for them, how many have no address, how many of those it reached stopped such e-mails with its
 * link; {@code done} once every person was considered.
 */
public record MailingSummary(UUID id, String purposeCode, MailingAudience audience, String className, String subject,
        Instant createdAt, UUID runId, long sent, long notAllowed, long noAddress, long unsubscribed, boolean done) {
}
