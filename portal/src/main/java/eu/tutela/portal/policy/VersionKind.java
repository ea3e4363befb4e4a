package eu.tutela.portal.policy;

/** What a published version is to the people it concerns. */
public enum VersionKind {
    /** The institution's first policy: everyone concerned accepts it. */
    FIRST,
    /** Wording, contact details, dates: the new text replaces the old, nobody is asked again. */
    MINOR,
    /** Purposes, data, recipients, transfers or rights changed: everyone concerned accepts again. */
    SUBSTANTIAL;

    public boolean requiresAcceptance() {
        return this != MINOR;
    }
}
