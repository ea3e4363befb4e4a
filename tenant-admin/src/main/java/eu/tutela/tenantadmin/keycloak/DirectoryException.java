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
}
