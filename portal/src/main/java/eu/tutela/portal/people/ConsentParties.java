package eu.tutela.portal.people;

import java.util.List;
import java.util.UUID;

/**
 * Who may decide about a person's consent: the person, or while they are a minor (younger than the institution's age
 * of digital consent, GDPR Art. 8) their guardians, of whom only those holding parental responsibility may consent.
 */
public record ConsentParties(UUID personId, String name, PersonKind kind, String className, boolean active, boolean minor,
        String email, String language, boolean hasAccount, List<Party> guardians, boolean restricted) {

    public ConsentParties {
        guardians = List.copyOf(guardians);
    }

    /** A guardian of the person, with whether they hold parental responsibility, how to write to them, and whether they have a portal account. */
    public record Party(UUID id, String name, boolean parentalResponsibility, String email, String language, boolean hasAccount) {
    }

    public boolean guardedBy(UUID guardianId) {
        return guardians.stream().anyMatch(g -> g.id().equals(guardianId));
    }

    public List<Party> responsibleGuardians() {
        return guardians.stream().filter(Party::parentalResponsibility).toList();
    }
}
