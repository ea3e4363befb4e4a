package eu.tutela.tenantadmin.keycloak;

/** Keycloak refused or failed an operation; the message says which operation and what Keycloak answered. */
public class DirectoryException extends RuntimeException {

    private final int status;

    public DirectoryException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status Keycloak answered, or 0 if there was no answer. */
    public int status() {
        return status;
    }

    /**
     * Whether Keycloak answered that the request or the credentials are wrong (HTTP 400, 401, 403): retrying changes
     * nothing until someone fixes the configuration.
     */
    public boolean isMisconfiguration() {
        return status == 400 || status == 401 || status == 403;
    }
}
