package eu.tutela.portal.people;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A person of the institution as the caller may see them. {@code minor}: younger than the institution's
 * age of digital consent today, in its time zone (GDPR Art. 8), computed when read, never stored. For
 * staff readers the contact details, birth date and external id are left out (null).
 */
public record Person(UUID id, PersonKind kind, String givenName, String familyName, LocalDate birthDate, String className,
        String email, String phone, String language, String jobFunction, String externalId, boolean active,
        UUID accountUserId, boolean minor, Instant restrictedSince) {

    /** Whether the processing of their data is restricted (GDPR Art. 18): kept as it is, used for nothing. */
    public boolean restricted() {
        return restrictedSince != null;
    }

    public String displayName() {
        return givenName + " " + familyName;
    }
}
