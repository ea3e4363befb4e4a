package eu.tutela.portal.privacy;

/** A provider could not export: the archive is not built, and the module is named. */
public class ExportFailedException extends RuntimeException {

    private final String module;

    public ExportFailedException(String module, Throwable cause) {
        super("The personal data of module '" + module + "' could not be exported: " + cause.getMessage(), cause);
        this.module = module;
    }

    public String module() {
        return module;
    }
}
