package eu.tutela.portal.people;

import java.util.List;
import java.util.UUID;

/**
 * Who may decide about a person's consent: the person, or while they are a minor (younger than the institution's age
 * of digital consent, GDPR Art. 8) their guardians, of whom only those holding parental responsibility may consent.
 */
public record ConsentParties(UUID personId, String name, PersonKind kind, String className, boolean active, boolean minor,
        String email, String language, List<Party> guardians) {

    public ConsentParties {
        guardians = List.copyOf(guardians);
    }

    /** A guardian of the person, with whether they hold parental responsibility, and how to write to them. */
    public record Party(UUID id, String name, boolean parentalResponsibility, String email, String language) {
    }

    public List<Party> responsibleGuardians() {
        return guardians.stream().filter(Party::parentalResponsibility).toList();
    }
}
