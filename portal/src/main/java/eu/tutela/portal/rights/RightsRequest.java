package eu.tutela.portal.rights;

import java.time.Instant;
import java.util.UUID;

/**
 * A rights request as its requester and the DPO see it: what is asked, about whom ({@code subjectName}: the requester,
 * or the child a guardian asks for), by whom, where it stands and when it is due.
 */
public record RightsRequest(UUID id, String reference, RequestType type, UUID subjectId, String subjectName, UUID requesterUserId,
        String requesterName, String requesterEmail, RequestSource source, String details, RequestStatus status, Instant receivedAt,
        RequestDeadline deadline, String extensionReason, String identityNote, UUID assignedTo, String outcome, Instant closedAt) {

    public enum RequestSource { PORTAL, PUBLIC_FORM }

    /** Whether a guardian asked for their child (the subject is not the requester's own record). */
    public boolean onBehalf(UUID requesterPersonId) {
        return subjectId != null && !subjectId.equals(requesterPersonId);
    }
}
