package eu.tutela.portal.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.tutela.portal.consent.Channel;
import eu.tutela.portal.consent.ChannelPreferences;
import eu.tutela.portal.consent.ChannelTopic;
import eu.tutela.portal.consent.ConsentDecision;
import eu.tutela.portal.consent.ConsentMethod;
import eu.tutela.portal.consent.ConsentService;
import eu.tutela.portal.consent.ConsentState;
import eu.tutela.portal.consent.Decision;
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
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Objection and withdrawal through a request, against the real database and SMTP server: the DPO turns off what the
 * mother asks to stop, through the consent service, so that the school's news stop reaching her daughter at once; the
 * decision is the mother's own, recorded with the request; a child cannot decide alone, another school cannot reach the
 * request, and an empty choice or the wrong request is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ObjectionIT {

    private static final String NEWS = "news-and-offers";

    @Autowired
    ApplicationContext context;
    @Autowired
    Objections objections;
    @Autowired
    RequestHandling handling;
    @Autowired
    RightsRequests requests;
    @Autowired
    People people;
    @Autowired
    ConsentService consents;
    @Autowired
    ChannelPreferences channels;

    School school;
    UUID dpo;
    UUID news;
    Person lea;
    Person mother;
    UUID leaAccount;
    UUID motherAccount;

    @BeforeEach
    void aDaughterWhoseMotherAcceptedTheNews() {
        school = new School(context, "objection", "Collège Opposition");
        dpo = school.member("dpo", TenantRole.DPO);
        news = school.publishPolicy(NEWS);
        lea = school.register(PersonKind.STUDENT, "Léa", "Oppose", LocalDate.now().minusYears(12), "lea");
        mother = school.register(PersonKind.GUARDIAN, "Claire", "Oppose", null, "claire");
        school.run(school.admin, () -> people.link(mother.id(), lea.id(), Relationship.MOTHER, true));
        leaAccount = school.withAccount(lea, "lea", TenantRole.STUDENT);
        motherAccount = school.withAccount(mother, "claire", TenantRole.GUARDIAN);
        school.run(school.admin, () -> consents.recordOnPaper(lea.id(), mother.id(), news, Decision.GIVEN, "Formulaire signé"));
        school.run(school.admin, () -> channels.choose(lea.id(), ChannelTopic.MARKETING, EnumSet.of(Channel.EMAIL)));
    }

    @AfterEach
    void signOut() {
        SignedInAs.nobody();
    }

    @Test
    void theMotherWithdrawsHerConsentAndTheNewsStopAtOnce() {
        assertThat(school.as(school.admin, () -> consents.allows(lea.id(), NEWS, Channel.EMAIL))).isTrue();
        RightsRequest request = school.as(motherAccount, () -> requests.submit(lea.id(), RequestType.WITHDRAWAL,
                "Je retire mon accord pour les actualités."));
        school.run(dpo, () -> handling.start(request.id()));
        assertThat(school.as(dpo, () -> objections.purposes(request.id()))).filteredOn(s -> s.purpose().code().equals(NEWS))
                .extracting(ConsentState::allowed).containsExactly(true);

        school.run(dpo, () -> objections.turnOff(request.id(), Set.of(news)));

        assertThat(school.as(school.admin, () -> consents.allows(lea.id(), NEWS, Channel.EMAIL))).isFalse();
        ConsentDecision withdrawn = school.as(school.admin, () -> consents.history(lea.id())).getFirst();
        assertThat(withdrawn.decision()).isEqualTo(Decision.WITHDRAWN);
        assertThat(withdrawn.giverId()).as("the mother's own decision").isEqualTo(mother.id());
        assertThat(withdrawn.method()).isEqualTo(ConsentMethod.REQUEST);
        assertThat(withdrawn.note()).contains(request.reference());
        RightsRequest done = school.as(motherAccount, () -> requests.mine(request.id())).orElseThrow().request();
        assertThat(done.status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(done.outcome()).contains("arrêtées").contains("Actualités et offres de formation");
        await().atMost(Duration.ofSeconds(30)).until(() -> CaughtMail.to(school.mail("claire")).stream()
                .anyMatch(m -> CaughtMail.text(m).contains(request.reference()) && CaughtMail.text(m).contains("arrêtées")));
    }

    @Test
    void aChildCannotStopAloneNorAnotherSchoolNorAnEmptyChoice() {
        // Léa, twelve, objects herself: her guardians decide for her (GDPR Art. 8), so the DPO is told why it cannot be done.
        RightsRequest hers = school.as(leaAccount, () -> requests.submit(lea.id(), RequestType.OBJECTION, "Je ne veux plus les actualités."));
        school.run(dpo, () -> handling.start(hers.id()));
        assertThat(Refused.problems(() -> school.run(dpo, () -> objections.turnOff(hers.id(), Set.of(news)))))
                .containsEntry("giver", "consent.giver.minorSelf");
        assertThat(Refused.problems(() -> school.run(dpo, () -> objections.turnOff(hers.id(), Set.of())))).containsEntry("purposes", "rights.objection.none");
        assertThat(Refused.problems(() -> school.run(dpo, () -> objections.turnOff(hers.id(), Set.of(UUID.randomUUID())))))
                .containsEntry("purposes", "consent.purpose.unknown");

        RightsRequest access = school.as(motherAccount, () -> requests.submit(lea.id(), RequestType.ACCESS, "Tout."));
        assertThat(Refused.problems(() -> school.as(dpo, () -> objections.purposes(access.id())))).containsEntry("request", "rights.objection.notForType");
        School elsewhere = new School(context, "objection-elsewhere", "Lycée Ailleurs");
        UUID theirDpo = elsewhere.member("dpo", TenantRole.DPO);
        assertThat(Refused.problems(() -> elsewhere.run(theirDpo, () -> objections.turnOff(hers.id(), Set.of(news)))))
                .containsEntry("request", "rights.request.unknown");
        assertThat(school.as(school.admin, () -> consents.allows(lea.id(), NEWS, Channel.EMAIL))).as("nothing changed").isTrue();
    }
}
