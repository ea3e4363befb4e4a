package eu.tutela.portal.privacy;

import java.util.UUID;

/**
 * The person whose data is asked for, as each module may know them: by their registry record, by their portal account
 * (when they have one), by their e-mail address (what the outbox and invitations know).
 */
public record DataSubject(UUID personId, UUID accountUserId, String email, String name) {
}
