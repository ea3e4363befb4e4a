package eu.tutela.portal.privacy;

/** What an erasure does to one category of a subject's records (GDPR Art. 17). */
public enum ErasureOutcome {
    /** Deleted. */
    ERASED,
    /** Kept, with nothing left that identifies the person. */
    ANONYMISED,
    /** Kept as it is, under a legal hold whose reason the preview gives (Art. 17(3)). */
    KEPT
}
