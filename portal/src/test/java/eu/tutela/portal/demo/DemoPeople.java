package eu.tutela.portal.demo;

import eu.tutela.portal.consent.ConsentPurposes;
import eu.tutela.portal.consent.ConsentService;
import eu.tutela.portal.consent.Decision;
import eu.tutela.portal.people.People;
import eu.tutela.portal.people.Person;
import eu.tutela.portal.people.PersonDetails;
import eu.tutela.portal.people.PersonKind;
import eu.tutela.portal.people.Relationship;
import eu.tutela.portal.people.RosterImport;
import eu.tutela.portal.people.RosterImports;
import eu.tutela.portal.security.InvitationAccepted;
import eu.tutela.portal.tenancy.Tenant;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Collège Jean Moulin's registry, as its administrator would have filled it in: pupils of 11 to 15 in a few
 * classes, their parents (one pupil with two, one with one, one parent without parental responsibility) and two
 * members of staff, so that a newcomer sees the registry at once; and HEMI's, imported from a OneRoster export.
 */
@Component
class DemoPeople {

    private static final List<String> HEMI_ROSTER = List.of("manifest.csv", "orgs.csv", "users.csv", "demographics.csv");

    private final People people;
    private final RosterImports imports;
    private final ConsentPurposes consentPurposes;
    private final ConsentService consents;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    DemoPeople(People people, RosterImports imports, ConsentPurposes consentPurposes, ConsentService consents,
            ApplicationEventPublisher events, TransactionTemplate transactions) {
        this.events = events;
        this.transactions = transactions;
        this.people = people;
        this.imports = imports;
        this.consentPurposes = consentPurposes;
        this.consents = consents;
    }

    /**
     * HEMI's students, guardians and staff, brought in as a school brings them: its student-records system's OneRoster
     * export, read, previewed and confirmed. Done once: the import history shows it afterwards.
     */
    void importUniversity(Tenant university, UUID administrator) {
        boolean imported = DemoActor.as(administrator, university,
                () -> imports.history(50).stream().anyMatch(i -> i.status() == RosterImport.Status.APPLIED));
        if (imported) {
            return;
        }
        List<RosterImports.Upload> files = new ArrayList<>();
        try {
            Path dir = Files.createTempDirectory("tutela-demo-roster");
            for (String name : HEMI_ROSTER) {
                try (InputStream in = DemoPeople.class.getResourceAsStream("/demo/hemi-roster/" + name)) {
                    Path file = dir.resolve(name);
                    Files.copy(in, file);
                    files.add(new RosterImports.Upload(name, file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RosterImport started = DemoActor.as(administrator, university, () -> imports.start(files, RosterImport.Mode.CHANGES, null));
        files.forEach(file -> file.path().toFile().delete());
        settled(university, administrator, started.id());
        DemoActor.as(administrator, university, () -> imports.confirm(started.id()));
        settled(university, administrator, started.id());
    }

    /**
     * HEMI's demo student and parent have joined the portal (as if each had accepted the invitation sent from the
     * registry): their accounts are those of Emma and David Nguyen of the roster, so "My privacy" and "My requests"
     * show them their own records. Linking again changes nothing.
     */
    void linkAccounts(Tenant university, UUID administrator, Map<String, UUID> accountsByExternalId) {
        accountsByExternalId.forEach((externalId, userId) -> {
            Person person = DemoActor.as(administrator, university, () -> people.findByExternalId(externalId)).orElseThrow();
            TenantContext.runAs(university.id(), () -> transactions.executeWithoutResult(status -> events.publishEvent(
                    new InvitationAccepted(university.id(), null, userId,
                            person.kind() == PersonKind.GUARDIAN ? TenantRole.GUARDIAN : TenantRole.STUDENT, person.id()))));
        });
    }

    private void settled(Tenant tenant, UUID administrator, UUID importId) {
        for (int wait = 0; wait < 600; wait++) {
            if (!DemoActor.as(administrator, tenant, () -> imports.find(importId)).orElseThrow().status().working()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("The demo roster import did not finish in a minute");
    }

    void registerSchools(Tenant school, UUID administrator) {
        LocalDate today = LocalDate.now();
        Person helene = pupil(school, administrator, "Hélène", "Lefort", today.minusYears(12).minusMonths(3), "5e B", "JM-E001");
        Person noe = pupil(school, administrator, "Noé", "Lefort", today.minusYears(11).minusMonths(1), "6e A", "JM-E002");
        Person ines = pupil(school, administrator, "Inès", "Benali", today.minusYears(14).minusMonths(7), "3e A", "JM-E003");
        pupil(school, administrator, "Lucas", "Moreau", today.minusYears(13).minusMonths(5), "4e C", "JM-E004");
        pupil(school, administrator, "Chloé", "Nguyen", today.minusYears(15).minusMonths(2), "3e A", "JM-E005");
        pupil(school, administrator, "Théo", "Girard", today.minusYears(11).minusMonths(8), "6e A", "JM-E006");
        Person marc = guardian(school, administrator, "Marc", "Lefort", "marc.lefort@example.org", "+33 6 11 22 33 44", "JM-R001");
        Person sophie = guardian(school, administrator, "Sophie", "Lefort", "sophie.lefort@example.org", "+33 6 55 66 77 88", "JM-R002");
        Person karim = guardian(school, administrator, "Karim", "Benali", "karim.benali@example.org", "+33 6 99 88 77 66", "JM-R003");
        Person grandMother = guardian(school, administrator, "Yvette", "Lefort", "yvette.lefort@example.org", null, "JM-R004");
        DemoActor.as(administrator, school, () -> {
            // A link recorded twice is the same link: safe to run again.
            people.link(marc.id(), helene.id(), Relationship.FATHER, true);
            people.link(sophie.id(), helene.id(), Relationship.MOTHER, true);
            people.link(marc.id(), noe.id(), Relationship.FATHER, true);
            people.link(sophie.id(), noe.id(), Relationship.MOTHER, true);
            people.link(grandMother.id(), helene.id(), Relationship.OTHER, false);
            people.link(karim.id(), ines.id(), Relationship.FATHER, true);
            return null;
        });
        // Answers already in on paper: Noé's father allows the photos, Inès's father does not; Hélène's parents have not
        // answered yet (recording the same answer again records nothing).
        DemoActor.as(administrator, school, () -> {
            consentPurposes.all().stream().filter(p -> p.code().equals("photos")).findFirst().ifPresent(photos -> {
                consents.recordOnPaper(noe.id(), marc.id(), photos.id(), Decision.GIVEN, "Autorisation signée, dossier de l’élève");
                consents.recordOnPaper(ines.id(), karim.id(), photos.id(), Decision.REFUSED, "Refus signé, dossier de l’élève");
            });
            return null;
        });
        once(school, administrator, new PersonDetails(PersonKind.STAFF, "Élise", "Fontaine", null, null,
                "elise.fontaine@jean-moulin.example", null, "fr", "Conseillère principale d’éducation", "JM-P001"));
        once(school, administrator, new PersonDetails(PersonKind.STAFF, "Julien", "Roche", null, null,
                "julien.roche@jean-moulin.example", null, "fr", "Professeur de mathématiques", "JM-P002"));
    }

    private Person pupil(Tenant school, UUID administrator, String given, String family, LocalDate birth, String className, String externalId) {
        return once(school, administrator, new PersonDetails(PersonKind.STUDENT, given, family, birth, className, null, null, "fr", null,
                externalId));
    }

    private Person guardian(Tenant school, UUID administrator, String given, String family, String email, String phone, String externalId) {
        return once(school, administrator, new PersonDetails(PersonKind.GUARDIAN, given, family, null, null, email, phone, "fr", null,
                externalId));
    }

    /** Registers the person unless someone with that external id is there already (a second start changes nothing). */
    private Person once(Tenant school, UUID administrator, PersonDetails details) {
        return DemoActor.as(administrator, school,
                () -> people.findByExternalId(details.externalId()).orElseGet(() -> people.register(details)));
    }
}
