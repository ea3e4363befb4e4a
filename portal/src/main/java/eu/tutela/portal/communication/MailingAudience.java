package eu.tutela.portal.communication;

import eu.tutela.portal.people.PersonKind;

/** Whom a mailing is for: the students themselves, or their guardians. */
public enum MailingAudience {
    STUDENTS(PersonKind.STUDENT), GUARDIANS(PersonKind.GUARDIAN);

    private final PersonKind kind;

    MailingAudience(PersonKind kind) {
        this.kind = kind;
    }

    PersonKind kind() {
        return kind;
    }
}
