package eu.tutela.portal.security;

/** A Keycloak account cannot be bound to a portal user: its e-mail is unverified, or taken by another account. */
class IdentityConflictException extends RuntimeException {

    private final SignInRefusal reason;

    IdentityConflictException(SignInRefusal reason, String message) {
        super(message);
        this.reason = reason;
    }

    SignInRefusal reason() {
        return reason;
    }
}
