package eu.tutela.portal.rights;

/**
 * What a person asks (shared/reference/gdpr-facts.md, "Rights of the data subject"): access (Art. 15), rectification
 * (16), erasure (17), restriction (18), portability (20), objection (21), withdrawal of consent (7(3)), or a general
 * question about their data.
 */
public enum RequestType {
    ACCESS, RECTIFICATION, ERASURE, RESTRICTION, PORTABILITY, OBJECTION, WITHDRAWAL, QUESTION;

    /** Whether the request means nothing without words: what to correct, which use to stop, the question. */
    public boolean needsDetails() {
        return this == RECTIFICATION || this == OBJECTION || this == QUESTION;
    }
}
