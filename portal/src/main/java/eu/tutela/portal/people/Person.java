package eu.tutela.portal.people;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A person of the institution as the caller may see them. {@code minor}: younger than the institution's
 * age of digital consent today, in its time zone (GDPR Art. 8), computed when read, never stored. For
 * staff readers the contact details, birth date and external id are left out (null).
 */
public record Person(UUID id, PersonKind kind, String givenName, String familyName, LocalDate birthDate, String className,
        String email, String phone, String language, String jobFunction, String externalId, boolean active,
        UUID accountUserId, boolean minor) {

    public String displayName() {
        return givenName + " " + familyName;
    }
}
