package eu.tutela.portal.security;

/** An invitation that cannot be accepted now, and why; nothing was changed. */
public class InvitationRefusedException extends RuntimeException {

    public enum Reason {
        EXPIRED, USED, REVOKED, UNKNOWN,
        /** Its institution is suspended for now. */
        UNAVAILABLE,
        /** Signed in as someone else than the invited address. */
        SOMEONE_ELSE,
        /** Keycloak did not answer: try again later, the link still works. */
        DIRECTORY_UNAVAILABLE
    }

    private final Reason reason;

    public InvitationRefusedException(Reason reason) {
        super("Invitation refused: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
