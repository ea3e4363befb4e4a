package eu.tutela.portal.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.tutela.portal.people.Correction;
import eu.tutela.portal.people.People;
import eu.tutela.portal.people.Person;
import eu.tutela.portal.people.PersonKind;
import eu.tutela.portal.people.Relationship;
import eu.tutela.portal.security.SignedInAs;
import eu.tutela.portal.support.CaughtMail;
import eu.tutela.portal.support.Refused;
import eu.tutela.portal.support.School;
import eu.tutela.portal.tenancy.TenantRole;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Rectification against the real database and SMTP server: a mother asks to correct her daughter's birth date and
 * name; what the registry would refuse is refused when she sends it (and nothing is stored); the DPO sees each field as
 * it is and as asked, applies it, and the mother is told; a restricted record, the wrong request and another school are
 * refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RectificationIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    Rectifications rectifications;
    @Autowired
    RequestHandling handling;
    @Autowired
    RightsRequests requests;
    @Autowired
    People people;

    School school;
    UUID dpo;
    Person lea;
    UUID motherAccount;

    @BeforeEach
    void aDaughterWithAWrongBirthDate() {
        school = new School(context, "rectification", "Collège Rectification");
        dpo = school.member("dpo", TenantRole.DPO);
        lea = school.register(PersonKind.STUDENT, "Léa", "Correcte", LocalDate.of(2013, 3, 14), "lea");
        Person mother = school.register(PersonKind.GUARDIAN, "Claire", "Correcte", null, "claire");
        school.run(school.admin, () -> people.link(mother.id(), lea.id(), Relationship.MOTHER, true));
        motherAccount = school.withAccount(mother, "claire", TenantRole.GUARDIAN);
    }

    @AfterEach
    void signOut() {
        SignedInAs.nobody();
    }

    @Test
    void theMotherAsksTheDpoAppliesAndTheRecordSaysWhatSheAsked() {
        assertThat(Refused.problems(() -> school.as(motherAccount, () -> requests.submit(lea.id(), RequestType.RECTIFICATION, "",
                new Correction("<script>x</script>", null, LocalDate.now().plusDays(3), "pas-une-adresse", null)))))
                .containsEntry("correction.givenName", "people.name.markup")
                .containsEntry("correction.birthDate", "people.birthDate.future")
                .containsEntry("correction.email", "people.email.invalid");
        assertThat(school.as(motherAccount, () -> requests.mine())).as("nothing stored").isEmpty();

        RightsRequest request = school.as(motherAccount, () -> requests.submit(lea.id(), RequestType.RECTIFICATION, "",
                new Correction(null, "Correcte-Martin", LocalDate.of(2013, 4, 14), null, null)));
        school.run(dpo, () -> handling.start(request.id()));
        assertThat(school.as(dpo, () -> rectifications.asked(request.id())))
                .extracting(CorrectionLine::field, CorrectionLine::now, CorrectionLine::proposed)
                .containsExactly(Tuple.tuple("familyName", "Correcte", "Correcte-Martin"), Tuple.tuple("birthDate", "2013-03-14", "2013-04-14"));

        school.run(dpo, () -> rectifications.apply(request.id()));

        Person corrected = school.as(dpo, () -> people.find(lea.id())).orElseThrow();
        assertThat(corrected.familyName()).isEqualTo("Correcte-Martin");
        assertThat(corrected.birthDate()).isEqualTo(LocalDate.of(2013, 4, 14));
        assertThat(corrected.givenName()).as("what she did not name stays").isEqualTo("Léa");
        RightsRequest done = school.as(motherAccount, () -> requests.mine(request.id())).orElseThrow().request();
        assertThat(done.status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(done.outcome()).isEqualTo("La fiche est corrigée : nom, date de naissance.");
        await().atMost(Duration.ofSeconds(30)).until(() -> CaughtMail.to(school.mail("claire")).stream()
                .anyMatch(m -> CaughtMail.text(m).contains(request.reference()) && CaughtMail.text(m).contains("La fiche est corrigée")));
    }

    @Test
    void aRestrictedRecordTheWrongRequestAndAnotherSchoolAreRefused() {
        RightsRequest request = school.as(motherAccount, () -> requests.submit(lea.id(), RequestType.RECTIFICATION, "",
                new Correction(null, null, LocalDate.of(2013, 4, 14), null, null)));
        RightsRequest inWords = school.as(motherAccount, () -> requests.submit(lea.id(), RequestType.QUESTION, "Que savez-vous ?"));
        school.run(dpo, () -> handling.start(request.id()));
        assertThat(Refused.problems(() -> school.as(dpo, () -> rectifications.asked(inWords.id()))))
                .containsEntry("request", "rights.rectification.notForType");
        School elsewhere = new School(context, "rectification-elsewhere", "Lycée Ailleurs");
        UUID theirDpo = elsewhere.member("dpo", TenantRole.DPO);
        assertThat(Refused.problems(() -> elsewhere.run(theirDpo, () -> rectifications.apply(request.id()))))
                .containsEntry("request", "rights.request.unknown");

        school.run(dpo, () -> people.restrict(lea.id(), "Exactitude contestée"));
        assertThat(Refused.problems(() -> school.run(dpo, () -> rectifications.apply(request.id()))))
                .containsEntry("person", "people.restricted.noChange");
        assertThat(school.as(dpo, () -> people.find(lea.id())).orElseThrow().birthDate()).isEqualTo(LocalDate.of(2013, 3, 14));
        assertThat(school.as(dpo, () -> handling.find(request.id())).orElseThrow().request().status()).isEqualTo(RequestStatus.IN_PROGRESS);
    }
}
