package eu.tutela.portal.policy;

/**
 * A save that names a revision of the draft someone else has already replaced: nothing was saved, and
 * {@link #current()} is what they saved, so that the editor can show it instead of overwriting it.
 */
public class StaleDraftException extends RuntimeException {

    private final transient PolicyDraft current;

    public StaleDraftException(PolicyDraft current) {
        super("The draft was saved by " + current.updatedBy() + " at revision " + current.revision());
        this.current = current;
    }

    public PolicyDraft current() {
        return current;
    }
}
