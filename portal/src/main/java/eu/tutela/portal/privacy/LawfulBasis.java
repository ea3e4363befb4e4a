package eu.tutela.portal.privacy;

/** GDPR Art. 6(1) (a) to (f), as shared/reference/gdpr-facts.md, "Lawful bases", lists them. */
public enum LawfulBasis {
    CONSENT, CONTRACT, LEGAL_OBLIGATION, VITAL_INTERESTS, PUBLIC_TASK, LEGITIMATE_INTERESTS
}
