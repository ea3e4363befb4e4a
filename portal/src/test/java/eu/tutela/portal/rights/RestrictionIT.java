package eu.tutela.portal.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import eu.tutela.portal.consent.FamilyInvitations;
import eu.tutela.portal.people.Contact;
import eu.tutela.portal.people.People;
import eu.tutela.portal.people.PeopleFilter;
import eu.tutela.portal.people.Person;
import eu.tutela.portal.people.PersonDetails;
import eu.tutela.portal.people.PersonKind;
import eu.tutela.portal.people.RosterImport;
import eu.tutela.portal.people.RosterImports;
import eu.tutela.portal.people.RosterProblem;
import eu.tutela.portal.security.SignedInAs;
import eu.tutela.portal.support.CaughtMail;
import eu.tutela.portal.support.Refused;
import eu.tutela.portal.support.School;
import eu.tutela.portal.tenancy.TenantRole;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

/**
 * Restriction of processing against the real database and SMTP server: a mother obtains it for her daughter; the
 * daughter's record is then left out of mailings and refused to edits, and a re-import (changed class, or a full list
 * without her) leaves it as it was and says why, line by line; the registry's export marks it; once the DPO lifts it,
 * the mother is told and the record is processed again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RestrictionIT {

    private static final String ROSTER = """
            identifiant;type;prénom;nom;date de naissance;classe;courriel;téléphone;fonction;enfants;lien;autorité parentale
            E1;élève;Léa;Limite;14/03/2013;5e A;;;;;;
            E2;élève;Tom;Libre;01/09/2012;5e A;;;;;;
            R1;responsable;Claire;Limite;;;%s;;;E1;mère;oui
            """;

    @TempDir
    Path dir;
    @Autowired
    ApplicationContext context;
    @Autowired
    Restrictions restrictions;
    @Autowired
    RequestHandling handling;
    @Autowired
    RightsRequests requests;
    @Autowired
    People people;
    @Autowired
    RosterImports imports;
    @Autowired
    MessageSource messages;
    @Autowired
    FamilyInvitations invitations;

    School school;
    UUID dpo;
    Person lea;
    Person mother;
    UUID motherAccount;

    @BeforeEach
    void aSchoolThatImportedItsRoster() {
        school = new School(context, "restriction", "Collège Limitation");
        dpo = school.member("dpo", TenantRole.DPO);
        assertThat(imported(ROSTER.formatted(school.mail("claire")), RosterImport.Mode.CHANGES).status()).isEqualTo(RosterImport.Status.APPLIED);
        lea = school.as(school.admin, () -> people.findByExternalId("E1")).orElseThrow();
        mother = school.as(school.admin, () -> people.findByExternalId("R1")).orElseThrow();
        motherAccount = school.withAccount(mother, "claire", TenantRole.GUARDIAN);
    }

    @AfterEach
    void signOut() {
        SignedInAs.nobody();
    }

    @Test
    void aRestrictedPupilIsLeftOutOfProcessingAndUntouchedByReimportsUntilTheDpoLiftsIt() throws IOException {
        RightsRequest request = school.as(motherAccount, () -> requests.submit(lea.id(), RequestType.RESTRICTION,
                "La date de naissance de Léa est fausse : n’en faites rien tant que ce n’est pas corrigé."));
        school.as(dpo, () -> {
            handling.start(request.id());
            restrictions.restrict(request.id());
            return null;
        });
        RequestDetail done = school.as(motherAccount, () -> requests.mine(request.id())).orElseThrow();
        assertThat(done.request().status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(done.request().outcome()).contains("ne servent à rien");
        assertThat(school.as(dpo, () -> people.find(lea.id())).orElseThrow().restricted()).isTrue();

        // Out of every mailing: Léa, and her mother, whom the school writes to only about her.
        assertThat(school.as(school.admin, () -> people.reachable(PersonKind.STUDENT, null))).extracting(Contact::name).containsExactly("Tom Libre");
        assertThat(school.as(school.admin, () -> people.reachable(PersonKind.GUARDIAN, null))).isEmpty();
        assertThat(Refused.problems(() -> school.as(school.admin, () -> people.update(lea.id(), new PersonDetails(PersonKind.STUDENT, "Léa",
                "Limite", lea.birthDate(), "4e B", null, null, "fr", null, "E1"))))).containsEntry("person", "people.restricted.noChange");
        assertThat(Refused.problems(() -> school.run(school.admin, () -> invitations.invite(lea.id()))))
                .as("no invitation either").containsEntry("person", "people.restricted.noChange");

        // A re-import that would change her, then a full list without her: both leave her as she was, and say why.
        RosterImport changed = imported(ROSTER.formatted(school.mail("claire")).replace("14/03/2013;5e A", "14/03/2013;4e B")
                .replace("R1;responsable;Claire;Limite;;;", "R1;responsable;Claire;Limite-Martin;;;"), RosterImport.Mode.CHANGES);
        assertThat(school.as(school.admin, () -> imports.problems(changed.id(), 0, 10))).extracting(RosterProblem::line, RosterProblem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "people.import.restricted"),
                        org.assertj.core.groups.Tuple.tuple(4L, "people.import.link.restricted"));
        assertThat(school.as(school.admin, () -> people.find(mother.id())).orElseThrow().familyName()).as("the mother is not restricted")
                .isEqualTo("Limite-Martin");
        RosterImport withoutHer = imported("""
                identifiant;type;prénom;nom;date de naissance;classe;courriel;téléphone;fonction;enfants;lien;autorité parentale
                E2;élève;Tom;Libre;01/09/2012;5e A;;;;;;
                """, RosterImport.Mode.FULL);
        assertThat(withoutHer.summary().deactivatedPeople()).as("Léa, the only pupil missing from the list, is restricted").isZero();
        Person still = school.as(school.admin, () -> people.find(lea.id())).orElseThrow();
        assertThat(still.className()).isEqualTo("5e A");
        assertThat(still.active()).isTrue();
        assertThat(school.as(school.admin, () -> people.links(lea.id()))).hasSize(1);

        // The registry's export says so.
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        school.run(school.admin, () -> people.exportCsv(PeopleFilter.ALL, key -> messages.getMessage(key, null, Locale.FRENCH), csv));
        assertThat(csv.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("Léa")).findFirst().orElseThrow())
                .contains("Traitement limité");

        // Lifted: the mother is told, and Léa is processed again.
        school.run(dpo, () -> people.liftRestriction(lea.id()));
        await().atMost(Duration.ofSeconds(30)).until(() -> CaughtMail.to(school.mail("claire")).stream()
                .anyMatch(m -> CaughtMail.text(m).contains("a levé la limitation du traitement") && CaughtMail.text(m).contains(request.reference())));
        assertThat(school.as(school.admin, () -> people.reachable(PersonKind.STUDENT, null))).extracting(Contact::name)
                .containsExactlyInAnyOrder("Léa Limite", "Tom Libre");
        assertThat(school.as(school.admin, () -> people.update(lea.id(), new PersonDetails(PersonKind.STUDENT, "Léa", "Limite",
                lea.birthDate(), "4e B", null, null, "fr", null, "E1"))).className()).isEqualTo("4e B");
    }

    @Test
    void onlyTheDpoOfTheSchoolRestrictsAndLiftsAndOnlyForARestrictionRequest() {
        RightsRequest access = school.as(motherAccount, () -> requests.submit(lea.id(), RequestType.ACCESS, "Tout."));
        RightsRequest restriction = school.as(motherAccount, () -> requests.submit(lea.id(), RequestType.RESTRICTION, "Stop."));
        assertThat(Refused.problems(() -> school.run(dpo, () -> restrictions.restrict(access.id())))).containsEntry("request", "rights.restriction.notForType");
        UUID staff = school.member("staff", TenantRole.STAFF);
        assertThatThrownBy(() -> school.run(staff, () -> restrictions.restrict(restriction.id()))).isInstanceOf(AccessDeniedException.class);
        School elsewhere = new School(context, "restriction-elsewhere", "Lycée Ailleurs");
        UUID theirDpo = elsewhere.member("dpo", TenantRole.DPO);
        assertThat(Refused.problems(() -> elsewhere.run(theirDpo, () -> restrictions.restrict(restriction.id())))).containsEntry("request", "rights.request.unknown");
        assertThat(Refused.problems(() -> elsewhere.run(theirDpo, () -> people.restrict(lea.id(), "Pour voir")))).containsEntry("person", "people.unknown");
        assertThat(school.as(dpo, () -> people.find(lea.id())).orElseThrow().restricted()).isFalse();

        school.run(dpo, () -> restrictions.restrict(restriction.id()));
        assertThatThrownBy(() -> school.run(staff, () -> people.liftRestriction(lea.id()))).isInstanceOf(AccessDeniedException.class);
        assertThat(Refused.problems(() -> elsewhere.run(theirDpo, () -> people.liftRestriction(lea.id())))).containsEntry("person", "people.unknown");
        assertThat(school.as(dpo, () -> people.find(lea.id())).orElseThrow().restricted()).isTrue();
    }

    private RosterImport imported(String sheet, RosterImport.Mode mode) {
        Path file = dir.resolve("eleves-" + UUID.randomUUID() + ".csv");
        try {
            Files.writeString(file, sheet, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        RosterImport previewed = settled(school.as(school.admin, () -> imports.start(List.of(new RosterImports.Upload(file.getFileName().toString(),
                file)), mode, null)));
        return settled(school.as(school.admin, () -> imports.confirm(previewed.id())));
    }

    private RosterImport settled(RosterImport started) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> !school.as(school.admin, () -> imports.find(started.id())).orElseThrow().status().working());
        return school.as(school.admin, () -> imports.find(started.id())).orElseThrow();
    }
}
