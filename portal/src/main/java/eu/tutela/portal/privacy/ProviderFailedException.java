package eu.tutela.portal.privacy;

/**
 * One module's provider failed while exporting or erasing: the whole export or erasure fails with it, never a partial
 * one (an erasure rolls back every module's part).
 */
public class ProviderFailedException extends RuntimeException {

    private final String module;

    public ProviderFailedException(String module, String what, Throwable cause) {
        super("The personal data of module '" + module + "' could not be " + what + ": " + cause.getMessage(), cause);
        this.module = module;
    }

    public String module() {
        return module;
    }
}
