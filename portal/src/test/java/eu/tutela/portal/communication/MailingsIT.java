package eu.tutela.portal.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import eu.tutela.portal.consent.Channel;
import eu.tutela.portal.consent.ChannelPreferences;
import eu.tutela.portal.consent.ChannelTopic;
import eu.tutela.portal.consent.ConsentPurpose;
import eu.tutela.portal.consent.ConsentPurposes;
import eu.tutela.portal.consent.ConsentService;
import eu.tutela.portal.consent.Decision;
import eu.tutela.portal.people.People;
import eu.tutela.portal.people.Person;
import eu.tutela.portal.people.PersonDetails;
import eu.tutela.portal.people.PersonKind;
import eu.tutela.portal.people.Relationship;
import eu.tutela.portal.policy.HemiPolicy;
import eu.tutela.portal.policy.PolicyDraft;
import eu.tutela.portal.policy.PolicyDrafts;
import eu.tutela.portal.policy.PolicyPublication;
import eu.tutela.portal.security.PortalUsers;
import eu.tutela.portal.security.SignedInAs;
import eu.tutela.portal.support.CaughtMail;
import eu.tutela.portal.support.OwnerDatabase;
import eu.tutela.portal.support.Refused;
import eu.tutela.portal.tenancy.Memberships;
import eu.tutela.portal.tenancy.Tenant;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantDirectory;
import eu.tutela.portal.tenancy.TenantRole;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

/**
 * A school writes to its pupils for its news, against the real database and SMTP server: each pupil is written to only
 * while the consent module allows the news by e-mail for them (their guardians' consent for a minor, and a channel), a
 * withdrawal stops the next message, the others are counted, and nobody else sees or sends the school's mailings.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MailingsIT {

    private static final String NEWS = "news-and-offers";

    @Autowired
    Mailings mailings;
    @Autowired
    ConsentService consents;
    @Autowired
    ConsentPurposes purposes;
    @Autowired
    ChannelPreferences channels;
    @Autowired
    People people;
    @Autowired
    PolicyDrafts drafts;
    @Autowired
    PolicyPublication publication;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    Memberships memberships;
    @Autowired
    PortalUsers users;
    @Autowired
    Environment env;
    @LocalServerPort
    int port;

    String suffix;
    Tenant school;
    UUID admin;
    UUID news;
    Person zoe;
    Person mother;

    @BeforeEach
    void aSchoolWithPupils() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        school = tenants.ensure("mailing-" + suffix, "Collège Courrier " + suffix, "FR", "fr");
        admin = member(school, "admin", TenantRole.ADMIN);
        publishPolicy(school, admin);
        news = as(admin, () -> purposes.all()).stream().filter(p -> p.code().equals(NEWS)).findFirst().orElseThrow().id();
        zoe = register(PersonKind.STUDENT, "Zoé", "Lettre", LocalDate.now().minusYears(12), "5e B", mail("zoe"));
        mother = register(PersonKind.GUARDIAN, "Hélène", "Lettre", null, null, mail("helene"));
        as(admin, () -> {
            people.link(mother.id(), zoe.id(), Relationship.MOTHER, true);
            consents.recordOnPaper(zoe.id(), mother.id(), news, Decision.GIVEN, "Formulaire de rentrée");
            return channels.choose(zoe.id(), ChannelTopic.MARKETING, EnumSet.of(Channel.EMAIL));
        });
    }

    @AfterEach
    void signOut() {
        SignedInAs.nobody();
    }

    @Test
    void onlyThePupilsTheNewsIsAllowedForReceiveItAndAWithdrawalStopsTheNext() {
        register(PersonKind.STUDENT, "Inès", "Lettre", LocalDate.now().minusYears(17), "5e B", mail("ines"));
        register(PersonKind.STUDENT, "Tom", "Lettre", LocalDate.now().minusYears(11), "5e B", null);
        Person other = register(PersonKind.STUDENT, "Léo", "Ailleurs", LocalDate.now().minusYears(17), "4e A", mail("leo"));
        as(admin, () -> consents.recordOnPaper(other.id(), other.id(), news, Decision.GIVEN, "Formulaire de Léo"));
        as(admin, () -> channels.choose(other.id(), ChannelTopic.MARKETING, EnumSet.of(Channel.EMAIL)));

        UUID first = as(admin, () -> mailings.send(new MailingDraft(NEWS, MailingAudience.STUDENTS, " 5e B ", "La fête du collège",
                "Samedi, portes ouvertes.\n\nVenez nombreux <script>alert(1)</script>")));
        MailingSummary done = awaitDone(first);
        assertThat(done).extracting(MailingSummary::sent, MailingSummary::notAllowed, MailingSummary::noAddress, MailingSummary::className)
                .as("Zoé by her mother's consent; Inès gave none; Tom has no address; Léo is in another class")
                .containsExactly(1L, 1L, 1L, "5e B");
        await().atMost(Duration.ofSeconds(60)).until(() -> !CaughtMail.to(mail("zoe")).isEmpty());
        MimeMessage received = CaughtMail.to(mail("zoe")).stream().filter(m -> subject(m).equals("La fête du collège")).findFirst().orElseThrow();
        String text = CaughtMail.text(received);
        assertThat(text).contains("Samedi, portes ouvertes.").contains("« Actualités et offres de formation » est autorisé pour vous")
                .contains("/t/" + school.slug() + "/my-privacy");
        assertThat(text).as("what the school typed is shown as text in the HTML part, never run")
                .contains("Venez nombreux &lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("nombreux <script>alert(1)</script></p>");
        assertThat(CaughtMail.to(mail("ines"))).isEmpty();
        assertThat(CaughtMail.to(mail("leo"))).isEmpty();

        // The mother withdraws: the next message does not reach Zoé.
        as(admin, () -> consents.recordOnPaper(zoe.id(), mother.id(), news, Decision.WITHDRAWN, "Courriel de la mère"));
        UUID second = as(admin, () -> mailings.send(new MailingDraft(NEWS, MailingAudience.STUDENTS, "5e B", "Le spectacle", "Jeudi soir.")));
        assertThat(awaitDone(second)).extracting(MailingSummary::sent, MailingSummary::notAllowed).containsExactly(0L, 2L);
        assertThat(CaughtMail.to(mail("zoe"))).extracting(MailingsIT::subject).doesNotContain("Le spectacle");

        // Her mother's consent for Zoé is not her own: written to as a parent, she is held back too.
        UUID parents = as(admin, () -> mailings.send(new MailingDraft(NEWS, MailingAudience.GUARDIANS, null, "Aux parents", "Réunion.")));
        assertThat(awaitDone(parents)).extracting(MailingSummary::sent, MailingSummary::notAllowed).containsExactly(0L, 1L);
        assertThat(as(admin, () -> mailings.newest(10))).extracting(MailingSummary::id).containsExactly(parents, second, first);
        assertThat(recipientRows(first)).as("each pupil considered once").isEqualTo(3);
    }

    @Test
    void theLinkAtTheFootOfEachMessageStopsThoseEmailsInOneClickAndNothingElse() throws Exception {
        UUID first = as(admin, () -> mailings.send(new MailingDraft(NEWS, MailingAudience.STUDENTS, null, "Les nouvelles", "Texte.")));
        assertThat(awaitDone(first).sent()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(60)).until(() -> !CaughtMail.to(mail("zoe")).isEmpty());
        MimeMessage received = CaughtMail.to(mail("zoe")).getFirst();
        String link = CaughtMail.header(received, "List-Unsubscribe").replaceAll("^<|>$", "");
        assertThat(link).startsWith("http").contains("/unsubscribe/").endsWith("/one-click");
        assertThat(CaughtMail.header(received, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(CaughtMail.text(received)).contains("Ne plus recevoir ces courriels").contains(link);
        URI local = URI.create("http://localhost:" + port + URI.create(link).getPath());

        // Opening it (a person, or a mail scanner) leads to the page that asks, and changes nothing.
        HttpResponse<String> opened = http(HttpRequest.newBuilder(local).GET());
        assertThat(opened.statusCode()).isEqualTo(303);
        assertThat(opened.headers().firstValue("Location").orElseThrow()).endsWith(local.getPath().replace("/one-click", ""));
        assertThat(as(admin, () -> channels.of(zoe.id())).allowed().get(ChannelTopic.MARKETING)).contains(Channel.EMAIL);

        // The mail client's one-click POST (RFC 8058), outside any session and without a CSRF token, stops them at once.
        HttpResponse<String> clicked = http(HttpRequest.newBuilder(local)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));
        assertThat(clicked.statusCode()).isEqualTo(200);
        assertThat(as(admin, () -> channels.of(zoe.id())).allowed().get(ChannelTopic.MARKETING)).doesNotContain(Channel.EMAIL);
        assertThat(as(admin, () -> channels.of(zoe.id())).allowed().get(ChannelTopic.INFORMATION))
                .as("only the message's topic").contains(Channel.EMAIL);
        assertThat(as(admin, () -> consents.allows(zoe.id(), NEWS, null))).as("her mother's consent stands: only the channel stopped").isTrue();
        assertThat(http(HttpRequest.newBuilder(local).POST(HttpRequest.BodyPublishers.noBody())).statusCode()).as("used again").isEqualTo(200);
        assertThat(as(admin, () -> mailings.find(first)).orElseThrow().unsubscribed()).isEqualTo(1);

        UUID second = as(admin, () -> mailings.send(new MailingDraft(NEWS, MailingAudience.STUDENTS, null, "Encore", "Texte.")));
        assertThat(awaitDone(second)).extracting(MailingSummary::sent, MailingSummary::notAllowed).containsExactly(0L, 1L);

        URI unknown = URI.create("http://localhost:" + port + "/unsubscribe/" + "A".repeat(43) + "/one-click");
        assertThat(http(HttpRequest.newBuilder(unknown).POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(404);
        assertThat(http(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/unsubscribe/%3Cscript%3E/one-click"))
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(404);
    }

    @Test
    void badInputChangesNothingAndNobodyElseSeesOrSends() {
        String account = ConsentPurpose.ACCOUNT;
        assertThat(refused(() -> mailings.send(new MailingDraft("nope", MailingAudience.STUDENTS, null, "Objet", "Texte"))))
                .containsEntry("purpose", "mailing.purpose.unknown");
        assertThat(refused(() -> mailings.send(new MailingDraft(account, MailingAudience.STUDENTS, null, "Objet", "Texte"))))
                .containsEntry("purpose", "mailing.purpose.unknown");
        assertThat(refused(() -> mailings.send(new MailingDraft(NEWS, null, null, "  ", ""))))
                .containsEntry("audience", "mailing.audience.required").containsEntry("subject", "mailing.subject.required")
                .containsEntry("body", "mailing.body.required");
        assertThat(refused(() -> mailings.send(new MailingDraft(NEWS, MailingAudience.STUDENTS, null, "<script>alert(1)</script>", "Texte"))))
                .containsEntry("subject", "mailing.subject.markup");
        assertThat(refused(() -> mailings.send(new MailingDraft(NEWS, MailingAudience.STUDENTS, null, "x".repeat(201), "y".repeat(10_001)))))
                .containsEntry("subject", "mailing.subject.tooLong").containsEntry("body", "mailing.body.tooLong");
        assertThat(as(admin, () -> mailings.newest(10))).isEmpty();
        assertThat(as(admin, () -> mailings.purposes())).extracting(ConsentPurpose::code).contains(NEWS).doesNotContain(account);

        UUID sent = as(admin, () -> mailings.send(new MailingDraft(NEWS, MailingAudience.STUDENTS, null, "Nouvelles", "Texte")));
        awaitDone(sent);
        Tenant elsewhere = tenants.ensure("mailing-other-" + suffix, "Autre Collège " + suffix, "FR", "fr");
        UUID otherAdmin = member(elsewhere, "other-admin", TenantRole.ADMIN);
        assertThat(SignedInAs.inTenant(otherAdmin, elsewhere, () -> mailings.find(sent))).as("another institution's id").isEmpty();
        assertThat(SignedInAs.inTenant(otherAdmin, elsewhere, () -> mailings.newest(10))).isEmpty();
        UUID staff = member(school, "staff", TenantRole.STAFF);
        assertThatThrownBy(() -> as(staff, () -> mailings.newest(10))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(staff, () -> mailings.send(new MailingDraft(NEWS, MailingAudience.STUDENTS, null, "S", "T"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as(admin, () -> mailings.newest(10))).hasSize(1);
    }

    private MailingSummary awaitDone(UUID mailing) {
        await().atMost(Duration.ofSeconds(60)).until(() -> as(admin, () -> mailings.find(mailing)).orElseThrow().done());
        return as(admin, () -> mailings.find(mailing)).orElseThrow();
    }

    private static HttpResponse<String> http(HttpRequest.Builder request) throws Exception {
        try (HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private long recipientRows(UUID mailing) {
        return OwnerDatabase.inTenant(env, school.id(), owner -> owner.sql("select count(*) from mailing_recipient where mailing_id = ?")
                .param(mailing).query(Long.class).single());
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private java.util.Map<String, String> refused(Supplier<?> work) {
        return Refused.problems(() -> as(admin, work));
    }

    private String mail(String local) {
        return local + "-" + suffix + "@courrier.example";
    }

    private Person register(PersonKind kind, String given, String family, LocalDate birthDate, String className, String email) {
        return as(admin, () -> people.register(new PersonDetails(kind, given, family, birthDate, className, email, null, "fr", null, null)));
    }

    private void publishPolicy(Tenant tenant, UUID by) {
        PolicyDraft draft = SignedInAs.inTenant(by, tenant, () -> drafts.start(HemiPolicy.TEMPLATE));
        PolicyDraft saved = SignedInAs.inTenant(by, tenant, () -> drafts.save(HemiPolicy.filledIn(draft.content()), draft.revision()));
        SignedInAs.inTenant(by, tenant, () -> publication.publish(saved.revision(), null, null));
    }

    private UUID member(Tenant tenant, String role, TenantRole tenantRole) {
        UUID id = users.register(mail(role), role + " " + suffix);
        TenantContext.runAs(tenant.id(), () -> memberships.grant(id, tenantRole));
        return id;
    }

    private <T> T as(UUID person, Supplier<T> work) {
        return SignedInAs.inTenant(person, school, work);
    }
}
