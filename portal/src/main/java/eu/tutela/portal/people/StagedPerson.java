package eu.tutela.portal.people;

import java.time.LocalDate;

/**
 * A person as a roster file describes them, before any check. {@code kind} may be unknown until another file
 * says it (OneRoster 1.2's roles file); {@code relationship} and {@code parentalResponsibility} are what a
 * guardian's role implies for links that do not say.
 */
record StagedPerson(String file, long line, String externalId, PersonKind kind, String givenName, String familyName,
        LocalDate birthDate, String className, String email, String phone, String language, String jobFunction, boolean active,
        Relationship relationship, Boolean parentalResponsibility) {
}
