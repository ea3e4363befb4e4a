package eu.tutela.portal.people;

import java.time.LocalDate;

/**
 * What is said of a person when registering or editing them. Students have a birth date and a class;
 * guardians a phone; staff a function. Text is plain text (names are always shown as text).
 */
public record PersonDetails(PersonKind kind, String givenName, String familyName, LocalDate birthDate, String className,
        String email, String phone, String language, String jobFunction, String externalId) {
}
