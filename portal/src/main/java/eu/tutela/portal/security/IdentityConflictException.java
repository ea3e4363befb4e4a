package eu.tutela.portal.security;

/** A Keycloak account signs in with an e-mail that the portal already knows under another account. */
class IdentityConflictException extends RuntimeException {

    IdentityConflictException(String message) {
        super(message);
    }
}
