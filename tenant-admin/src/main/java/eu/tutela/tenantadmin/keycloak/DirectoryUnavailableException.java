package eu.tutela.tenantadmin.keycloak;

/** Keycloak could not be reached at all (not started, wrong URL, network); the message names the URL. */
public class DirectoryUnavailableException extends DirectoryException {

    private final String serverUrl;

    public DirectoryUnavailableException(String serverUrl, String operation, Throwable cause) {
        super("Keycloak is unreachable at " + serverUrl + " (" + operation + "): " + rootMessage(cause), 0, cause);
        this.serverUrl = serverUrl;
    }

    public String serverUrl() {
        return serverUrl;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
