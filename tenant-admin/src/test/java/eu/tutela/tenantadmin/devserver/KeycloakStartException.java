package eu.tutela.tenantadmin.devserver;

/** Keycloak could not be started or did not become ready; the message names the log file and its last lines. */
public class KeycloakStartException extends RuntimeException {

    public KeycloakStartException(String message) {
        super(message);
    }

    public KeycloakStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
