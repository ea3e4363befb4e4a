package eu.tutela.portal.rights;

import java.time.Instant;
import java.util.UUID;

/**
 * One step of a request's timeline: its submission, a change of state (with the status reached), an extension, an
 * assignment, an internal note (the DPO's alone), a message to the requester or from them.
 */
public record RequestEvent(UUID id, Kind kind, RequestStatus status, String body, String byName, Instant at) {

    public enum Kind { SUBMITTED, STATUS, EXTENDED, ASSIGNED, NOTE, TO_REQUESTER, FROM_REQUESTER, ARCHIVE_READY, ERASED }

    /** Whether the requester sees it on their timeline. */
    public boolean visibleToRequester() {
        return kind != Kind.NOTE && kind != Kind.ASSIGNED;
    }
}
