package eu.tutela.portal.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import eu.tutela.portal.consent.Channel;
import eu.tutela.portal.consent.ChannelPreferences;
import eu.tutela.portal.consent.ChannelTopic;
import eu.tutela.portal.consent.ConsentService;
import eu.tutela.portal.consent.Decision;
import eu.tutela.portal.notification.Mail;
import eu.tutela.portal.notification.Outbox;
import eu.tutela.portal.people.People;
import eu.tutela.portal.people.Person;
import eu.tutela.portal.people.PersonKind;
import eu.tutela.portal.people.Relationship;
import eu.tutela.portal.privacy.ErasureLine;
import eu.tutela.portal.privacy.ErasureOutcome;
import eu.tutela.portal.privacy.ProviderFailedException;
import eu.tutela.portal.security.IdentityProvider;
import eu.tutela.portal.security.SignedInAs;
import eu.tutela.portal.support.CaughtMail;
import eu.tutela.portal.support.OwnerDatabase;
import eu.tutela.portal.support.PersonTraces;
import eu.tutela.portal.support.Refused;
import eu.tutela.portal.support.School;
import eu.tutela.portal.tenancy.TenantRole;
import eu.tutela.tenantadmin.keycloak.KeycloakDirectory;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erasure against the real database, Keycloak and SMTP server: a mother asks to erase her child; the DPO's preview names
 * what goes, what is anonymised and what a legal hold keeps; afterwards no table holds anything of the child outside
 * the holds, and the child's Keycloak account is gone. A failure half-way leaves the child whole; an account another
 * institution needs stays there; the wrong request, the wrong moment, the wrong institution are refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ErasureIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    Erasures erasures;
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
    @Autowired
    Outbox outbox;
    @Autowired
    IdentityProvider identity;
    @Autowired
    Environment env;
    @Autowired
    PlatformTransactionManager transactions;

    School school;
    UUID dpo;
    Person lea;
    Person mother;
    UUID leaAccount;
    UUID motherAccount;
    String leaSubject;
    String family;

    @BeforeEach
    void aFamilyWithDataEverywhere() {
        school = new School(context, "erasure", "Collège Effacement");
        dpo = school.member("dpo", TenantRole.DPO);
        // Letters only, unique to the test: a search of every table for it finds the child and nobody else.
        String letters = school.suffix.chars().mapToObj(c -> String.valueOf((char) ('a' + c % 26))).collect(Collectors.joining());
        family = "Valmont" + letters;
        lea = school.register(PersonKind.STUDENT, "Léa", family, LocalDate.now().minusYears(12), "lea");
        mother = school.register(PersonKind.GUARDIAN, "Claire", "Dumas" + letters, null, "claire");
        school.run(school.admin, () -> people.link(mother.id(), lea.id(), Relationship.MOTHER, true));
        leaAccount = school.withAccount(lea, "lea", TenantRole.STUDENT);
        motherAccount = school.withAccount(mother, "claire", TenantRole.GUARDIAN);

        UUID news = school.publishPolicy("news-and-offers");
        school.as(school.admin, () -> consents.recordOnPaper(lea.id(), mother.id(), news, Decision.GIVEN, "Formulaire signé"));
        school.as(school.admin, () -> channels.choose(lea.id(), ChannelTopic.MARKETING, EnumSet.of(Channel.EMAIL)));
        school.as(school.admin, () -> new TransactionTemplate(transactions).execute(tx -> outbox.send(new Mail(lea.email(), Locale.FRENCH, Mail.text("rights.mail.subject.started", "X"),
                List.of(Mail.text("rights.mail.message", "Bonjour Léa " + family)), Mail.text("rights.mail.action"), "https://example.org"))));

        // Léa signs in through Keycloak, as a member of her school's organization.
        KeycloakDirectory directory = identity.awaitDirectory(Duration.ofSeconds(30));
        String organization = directory.ensureOrganization(school.tenant.slug(), school.tenant.name());
        leaSubject = directory.ensureUser(lea.email(), "Léa", family, "Secret-" + school.suffix, "fr");
        directory.addMember(organization, leaSubject);
        OwnerDatabase.of(env).sql("update app_user set subject = ? where id = ?").params(leaSubject, leaAccount).update();
    }

    @AfterEach
    void signOut() {
        SignedInAs.nobody();
    }

    @Test
    void aMotherAsksToEraseHerChildAndNothingOfTheChildIsLeftOutsideTheHolds() {
        RightsRequest request = school.as(motherAccount, () -> requests.submit(lea.id(), RequestType.ERASURE, "Effacez tout sur Léa."));
        school.run(dpo, () -> handling.start(request.id()));

        List<ErasureLine> preview = school.as(dpo, () -> erasures.preview(request.id()));
        assertThat(preview).filteredOn(l -> l.records() > 0)
                .extracting(ErasureLine::module, ErasureLine::category, ErasureLine::outcome, ErasureLine::holdKey)
                .contains(tuple("people", "person", ErasureOutcome.ERASED, null),
                        tuple("people", "family-links", ErasureOutcome.ERASED, null),
                        tuple("consent", "consent-decisions", ErasureOutcome.ANONYMISED, null),
                        tuple("consent", "contact-preferences", ErasureOutcome.ERASED, null),
                        tuple("notification", "mails", ErasureOutcome.ERASED, null),
                        tuple("security", "account", ErasureOutcome.ERASED, null),
                        tuple("security", "account", ErasureOutcome.ANONYMISED, null),
                        tuple("audit", "audit-trail", ErasureOutcome.KEPT, "privacy.hold.auditTrail"),
                        tuple("rights", "rights-requests", ErasureOutcome.KEPT, "privacy.hold.rightsRecord"))
                .doesNotContain(tuple("security", "account", ErasureOutcome.KEPT, "privacy.hold.otherInstitution"));
        assertThat(foundOutsideHolds()).as("a preview changes nothing").containsKeys("person", "channel_preference", "outbound_mail");

        school.as(dpo, () -> erasures.erase(request.id()));

        assertThat(foundOutsideHolds()).as("tables that still hold something of Léa").isEmpty();
        RequestDetail done = school.as(motherAccount, () -> requests.mine(request.id())).orElseThrow();
        assertThat(done.request().status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(done.request().outcome()).contains("sauf ce que la loi").contains("journal d’audit").contains("demande d’exercice de droits");
        assertThat(done.timeline()).extracting(RequestEvent::kind).contains(RequestEvent.Kind.ERASED);
        await().atMost(Duration.ofSeconds(30)).until(() -> CaughtMail.to(school.mail("claire")).stream()
                .anyMatch(m -> CaughtMail.text(m).contains(request.reference()) && CaughtMail.text(m).contains("sauf ce que la loi")));

        // The mother and her own consent record stay: her decision, no longer linked to anyone erased.
        assertThat(school.as(school.admin, () -> people.wholeRecord(mother.id()))).isPresent();
        assertThat(school.as(school.admin, () -> people.wholeRecord(lea.id()))).isEmpty();
        long anonymised = OwnerDatabase.inTenant(env, school.tenant.id(), owner -> owner.sql(
                "select count(*) from consent_decision where giver_id = ? and subject_id is null").param(mother.id()).query(Long.class).single());
        assertThat(anonymised).isEqualTo(1);
        assertThat(OwnerDatabase.of(env).sql("select email from app_user where id = ?").param(leaAccount).query(String.class).single())
                .startsWith("erased-").doesNotContain("lea");
        await().atMost(Duration.ofSeconds(60)).until(() -> identity.directory().findUser(leaSubject).isEmpty());
    }

    @Test
    void anErasureThatFailsHalfwayLeavesTheChildWhole() {
        RightsRequest request = school.as(motherAccount, () -> requests.submit(lea.id(), RequestType.ERASURE, "Effacez Léa."));
        school.run(dpo, () -> handling.start(request.id()));
        Map<String, Long> before = foundOutsideHolds();
        JdbcClient owner = OwnerDatabase.of(env);
        String trigger = "erasure_fault_" + school.suffix;
        // The registry's record is erased last: every other module has done its part when this one fails.
        owner.sql("create function " + trigger + "() returns trigger language plpgsql as $$ begin raise exception 'disk on fire'; end $$")
                .update();
        owner.sql("create trigger " + trigger + " before delete on person for each row when (old.id = '" + lea.id() + "') execute function "
                + trigger + "()").update();
        try {
            assertThatThrownBy(() -> school.as(dpo, () -> erasures.erase(request.id()))).isInstanceOf(ProviderFailedException.class)
                    .hasMessageContaining("'people'");
        } finally {
            owner.sql("drop trigger " + trigger + " on person").update();
            owner.sql("drop function " + trigger + "()").update();
        }
        assertThat(foundOutsideHolds()).as("everything of Léa is still there").isEqualTo(before);
        assertThat(school.as(dpo, () -> handling.find(request.id())).orElseThrow().request().status()).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(OwnerDatabase.of(env).sql("select email from app_user where id = ?").param(leaAccount).query(String.class).single())
                .isEqualTo(lea.email());
        assertThat(identity.directory().findUser(leaSubject)).isPresent();
    }

    @Test
    void anAccountAnotherInstitutionNeedsOnlyLeavesThisOne() {
        School other = new School(context, "erasure-other", "Lycée Voisin");
        OwnerDatabase.inTenant(env, other.tenant.id(), owner -> owner.sql(
                "insert into membership (tenant_id, id, user_id, role) values (?, ?, ?, 'STUDENT')")
                .params(other.tenant.id(), UUID.randomUUID(), leaAccount).update());
        KeycloakDirectory directory = identity.directory();
        directory.addMember(directory.ensureOrganization(other.tenant.slug(), other.tenant.name()), leaSubject);
        RightsRequest request = school.as(motherAccount, () -> requests.submit(lea.id(), RequestType.ERASURE, "Effacez Léa ici."));
        school.run(dpo, () -> handling.start(request.id()));
        assertThat(school.as(dpo, () -> erasures.preview(request.id()))).filteredOn(l -> l.records() > 0)
                .extracting(ErasureLine::category, ErasureLine::outcome, ErasureLine::holdKey)
                .contains(tuple("account", ErasureOutcome.KEPT, "privacy.hold.otherInstitution"))
                .doesNotContain(tuple("sessions", ErasureOutcome.ERASED, null));

        school.as(dpo, () -> erasures.erase(request.id()));

        assertThat(OwnerDatabase.of(env).sql("select email from app_user where id = ?").param(leaAccount).query(String.class).single())
                .isEqualTo(lea.email());
        assertThat(OwnerDatabase.of(env).sql("select t.slug from membership m join tenant t on t.id = m.tenant_id where m.user_id = ?")
                .param(leaAccount).query(String.class).list()).containsExactly(other.tenant.slug());
        await().atMost(Duration.ofSeconds(60)).until(() -> directory.organizationsOf(leaSubject).stream()
                .noneMatch(o -> o.alias().equals(school.tenant.slug())));
        assertThat(directory.findUser(leaSubject)).isPresent();
        assertThat(directory.organizationsOf(leaSubject)).extracting(o -> o.alias()).containsExactly(other.tenant.slug());
    }

    @Test
    void theWrongRequestTheWrongMomentAndTheWrongInstitutionAreRefused() {
        RightsRequest erasure = school.as(motherAccount, () -> requests.submit(lea.id(), RequestType.ERASURE, "Effacez Léa."));
        RightsRequest access = school.as(motherAccount, () -> requests.submit(lea.id(), RequestType.ACCESS, "Montrez-moi."));
        assertThat(Refused.problems(() -> school.as(dpo, () -> erasures.preview(erasure.id())))).containsEntry("status", "rights.erasure.startFirst");
        school.as(dpo, () -> {
            handling.start(erasure.id());
            handling.start(access.id());
            return null;
        });
        assertThat(Refused.problems(() -> school.as(dpo, () -> erasures.erase(access.id())))).containsEntry("request", "rights.erasure.notForType");
        UUID staff = school.member("staff", TenantRole.STAFF);
        assertThatThrownBy(() -> school.as(staff, () -> erasures.preview(erasure.id()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> school.as(motherAccount, () -> erasures.erase(erasure.id()))).isInstanceOf(AccessDeniedException.class);

        School elsewhere = new School(context, "erasure-elsewhere", "Lycée Ailleurs");
        UUID theirDpo = elsewhere.member("dpo", TenantRole.DPO);
        assertThat(Refused.problems(() -> elsewhere.as(theirDpo, () -> erasures.preview(erasure.id()))))
                .containsEntry("request", "rights.request.unknown");
        assertThat(Refused.problems(() -> elsewhere.as(theirDpo, () -> erasures.erase(erasure.id()))))
                .containsEntry("request", "rights.request.unknown");
        assertThat(foundOutsideHolds()).containsKey("person");

        school.as(dpo, () -> erasures.erase(erasure.id()));
        assertThat(Refused.problems(() -> school.as(dpo, () -> erasures.erase(erasure.id())))).containsEntry("status", "rights.status.closed");
    }

    /** Every table outside the holds with a row that names Léa (her family name, e-mail address or registry id). */
    private Map<String, Long> foundOutsideHolds() {
        return PersonTraces.outside(env, school.tenant.id(), PersonTraces.LEGAL_HOLDS, family, lea.email(), lea.id().toString());
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
