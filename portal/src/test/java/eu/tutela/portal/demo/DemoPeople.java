package eu.tutela.portal.demo;

import eu.tutela.portal.people.People;
import eu.tutela.portal.people.PeopleFilter;
import eu.tutela.portal.people.Person;
import eu.tutela.portal.people.PersonDetails;
import eu.tutela.portal.people.PersonKind;
import eu.tutela.portal.people.Relationship;
import eu.tutela.portal.security.SignedInAs;
import eu.tutela.portal.tenancy.Tenant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Collège Jean Moulin's registry, as its administrator would have filled it in: pupils of 11 to 15 in a few
 * classes, their parents (one pupil with two, one with one, one parent without parental responsibility) and two
 * members of staff, so that a newcomer sees the registry at once. Roster import will bring more.
 */
@Component
class DemoPeople {

    private final People people;

    DemoPeople(People people) {
        this.people = people;
    }

    void registerSchools(Tenant school, UUID administrator) {
        SignedInAs.inTenant(administrator, school, () -> {
            if (people.count(PeopleFilter.ALL) > 0) {
                return null;
            }
            LocalDate today = LocalDate.now();
            Person helene = pupil("Hélène", "Lefort", today.minusYears(12).minusMonths(3), "5e B", "JM-E001");
            Person noe = pupil("Noé", "Lefort", today.minusYears(11).minusMonths(1), "6e A", "JM-E002");
            Person ines = pupil("Inès", "Benali", today.minusYears(14).minusMonths(7), "3e A", "JM-E003");
            pupil("Lucas", "Moreau", today.minusYears(13).minusMonths(5), "4e C", "JM-E004");
            pupil("Chloé", "Nguyen", today.minusYears(15).minusMonths(2), "3e A", "JM-E005");
            pupil("Théo", "Girard", today.minusYears(11).minusMonths(8), "6e A", "JM-E006");
            Person marc = guardian("Marc", "Lefort", "marc.lefort@example.org", "+33 6 11 22 33 44", "JM-R001");
            Person sophie = guardian("Sophie", "Lefort", "sophie.lefort@example.org", "+33 6 55 66 77 88", "JM-R002");
            Person karim = guardian("Karim", "Benali", "karim.benali@example.org", "+33 6 99 88 77 66", "JM-R003");
            Person grandMother = guardian("Yvette", "Lefort", "yvette.lefort@example.org", null, "JM-R004");
            people.link(marc.id(), helene.id(), Relationship.FATHER, true);
            people.link(sophie.id(), helene.id(), Relationship.MOTHER, true);
            people.link(marc.id(), noe.id(), Relationship.FATHER, true);
            people.link(sophie.id(), noe.id(), Relationship.MOTHER, true);
            people.link(grandMother.id(), helene.id(), Relationship.OTHER, false);
            people.link(karim.id(), ines.id(), Relationship.FATHER, true);
            people.register(new PersonDetails(PersonKind.STAFF, "Élise", "Fontaine", null, null, "elise.fontaine@jean-moulin.example",
                    null, "fr", "Conseillère principale d’éducation", "JM-P001"));
            people.register(new PersonDetails(PersonKind.STAFF, "Julien", "Roche", null, null, "julien.roche@jean-moulin.example",
                    null, "fr", "Professeur de mathématiques", "JM-P002"));
            return null;
        });
    }

    private Person pupil(String given, String family, LocalDate birth, String className, String externalId) {
        return people.register(new PersonDetails(PersonKind.STUDENT, given, family, birth, className, null, null, "fr", null, externalId));
    }

    private Person guardian(String given, String family, String email, String phone, String externalId) {
        return people.register(new PersonDetails(PersonKind.GUARDIAN, given, family, null, null, email, phone, "fr", null, externalId));
    }
}
