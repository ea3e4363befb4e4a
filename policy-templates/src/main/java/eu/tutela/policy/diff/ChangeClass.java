package eu.tutela.policy.diff;

/** How much a new version differs from the one people accepted. */
public enum ChangeClass {
    /** Nothing but identical text. */
    NONE,
    /** Wording, contact details, security, retention or update wording only: publish and inform. */
    MINOR,
    /** Purposes, recipients, data categories, transfers or rights changed: ask for acceptance again. */
    SUBSTANTIAL
}
