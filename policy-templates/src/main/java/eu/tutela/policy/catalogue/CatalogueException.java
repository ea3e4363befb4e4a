package eu.tutela.policy.catalogue;

/** The catalogue's resource files are inconsistent: a programming or editing error, caught at load time. */
public class CatalogueException extends RuntimeException {
    public CatalogueException(String message) {
        super(message);
    }
}
