package eu.tutela.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import eu.tutela.portal.communication.MailingAudience;
import eu.tutela.portal.communication.MailingDraft;
import eu.tutela.portal.communication.Mailings;
import eu.tutela.portal.consent.Channel;
import eu.tutela.portal.consent.ChannelPreferences;
import eu.tutela.portal.consent.ChannelTopic;
import eu.tutela.portal.consent.ConsentService;
import eu.tutela.portal.consent.MinorConsentRule;
import eu.tutela.portal.demo.DemoData;
import eu.tutela.portal.people.People;
import eu.tutela.portal.people.Person;
import eu.tutela.portal.people.PersonDetails;
import eu.tutela.portal.people.PersonKind;
import eu.tutela.portal.people.Relationship;
import eu.tutela.portal.security.PortalUsers;
import eu.tutela.portal.security.SignedInAs;
import eu.tutela.portal.support.CaughtMail;
import eu.tutela.portal.tenancy.Tenant;
import eu.tutela.portal.tenancy.TenantDirectory;
import eu.tutela.portal.tenancy.TenantSettingsService;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Guardian consent as a family meets it, at the demo collège (age of digital consent 15), reading the real e-mails:
 * the school requires both parents' agreement and registers a 12-year-old with two parents; each parent is invited,
 * registers through Keycloak and answers on "My privacy" (the first on a phone), confirming with their name and
 * accepting the policy on the child's behalf; the child is invited only after the second parent agreed, signs in, and
 * sees that her parents decide; a 16-year-old invited by the school decides for himself; the school's news reach her by
 * e-mail, the channel her mother chose, until a parent withdraws that consent in one action (and downloads its
 * receipt): the next news do not; on her fifteenth birthday she is asked for her own answers at her next sign-in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GuardianConsentJourneyIT extends BrowserJourney {

    private static final Pattern INVITATION = Pattern.compile("http://[^\"\\s<>]+/invitation/[A-Za-z0-9_-]{43}");

    @Autowired
    People people;
    @Autowired
    ConsentService consents;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    PortalUsers users;
    @Autowired
    TenantSettingsService settings;
    @Autowired
    Mailings mailings;
    @Autowired
    ChannelPreferences channels;

    @Test
    void bothParentsApproveOnTheirPhonesThenTheirDaughterSignsInAndATeenagerDecidesForHimself() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Tenant school = tenants.findActiveBySlug(DemoData.JEAN_MOULIN.slug()).orElseThrow();
        UUID admin = users.register(DemoData.SCHOOL_ADMIN.email(), DemoData.SCHOOL_ADMIN.displayName());
        String camilleMail = "camille-" + suffix + "@famille.example";
        String nadiaMail = "nadia-" + suffix + "@famille.example";
        String yannMail = "yann-" + suffix + "@famille.example";
        String hugoMail = "hugo-" + suffix + "@famille.example";
        Person camille = asSchool(admin, school, () -> people.register(new PersonDetails(PersonKind.STUDENT, "Camille", "Rivière",
                LocalDate.now().minusYears(12).minusMonths(2), "5e B", camilleMail, null, "fr", null, null)));
        Person hugo = asSchool(admin, school, () -> people.register(new PersonDetails(PersonKind.STUDENT, "Hugo", "Perrin",
                LocalDate.now().minusYears(16).minusMonths(1), "3e B", hugoMail, null, "fr", null, null)));
        Person nadia = asSchool(admin, school, () -> people.register(new PersonDetails(PersonKind.GUARDIAN, "Nadia", "Rivière", null,
                null, nadiaMail, "+33 6 10 20 30 40", "fr", null, null)));
        Person yann = asSchool(admin, school, () -> people.register(new PersonDetails(PersonKind.GUARDIAN, "Yann", "Rivière", null,
                null, yannMail, null, "fr", null, null)));
        MinorConsentRule before = asSchool(admin, school, () -> consents.minorRule());
        try {
            asSchool(admin, school, () -> {
                consents.chooseMinorRule(MinorConsentRule.ALL_GUARDIANS);
                people.link(nadia.id(), camille.id(), Relationship.MOTHER, true);
                people.link(yann.id(), camille.id(), Relationship.FATHER, true);
                return null;
            });
            String child = camille.id().toString();

            // The mother, on her phone at night: the invitation, Keycloak's registration, the policy, then her daughter.
            page.setViewportSize(390, 844);
            page.navigate(awaitMailLink(nadiaMail, INVITATION));
            assertThat(page.locator("#invitation-title")).hasText("Rejoindre " + DemoData.JEAN_MOULIN.name());
            assertThat(page.locator("#invitation-text")).containsText("Parent ou responsable légal");
            shot("mother-invitation-phone");
            joinAs(nadiaMail, "Nadia", "Rivière");
            page.locator("#panel-guardian-nav-myPrivacy").click();
            assertThat(page.locator("#mine-title")).hasText("Ma vie privée");
            Locator card = page.locator("#subject-" + child);
            assertThat(card.locator("h3")).hasText("Camille Rivière");
            assertThat(page.locator("#mine-state-portal-account-" + child)).hasText("Non autorisée");
            shot("mother-my-privacy-phone");
            agree("portal-account", child);
            agree("photos", child);
            agree("school-news", child);
            page.locator("#mine-channels-marketing-" + child + " vaadin-checkbox").filter(new Locator.FilterOptions().setHasText("Courriel"))
                    .locator("input").check();
            assertThat(page.locator("vaadin-notification-card").last()).containsText("Préférences de contact enregistrées");
            fill("#confirm-name-" + child, "Nadia Riviere");
            page.locator("#save-" + child).click();
            assertThat(page.locator("#accept-policy-" + child)).containsText("Pour approuver le compte, acceptez la politique");
            shot("mother-must-accept-policy");
            page.locator("#accept-policy-" + child + " input").check();
            page.locator("#save-" + child).click();
            assertThat(page.locator("vaadin-notification-card").last()).containsText("Vos réponses sont enregistrées");
            assertThat(page.locator("#mine-portal-account-" + child)).containsText("Non autorisée");
            assertThat(page.locator("#withdraw-photos-" + child)).isVisible();
            shot("mother-answered-phone");
            org.assertj.core.api.Assertions.assertThat(CaughtMail.found(camilleMail, INVITATION))
                    .as("the father has not agreed yet: no account for Camille").isEmpty();

            // The father, on another browser: once he agrees too, Camille is invited.
            newBrowserContext();
            page.navigate(awaitMailLink(yannMail, INVITATION));
            joinAs(yannMail, "Yann", "Rivière");
            page.locator("#panel-guardian-nav-myPrivacy").click();
            assertThat(page.locator("#mine-photos-" + child)).containsText("Nadia Rivière : consentement donné");
            agree("portal-account", child);
            agree("photos", child);
            agree("school-news", child);
            page.locator("#accept-policy-" + child + " input").check();
            fill("#confirm-name-" + child, "Yann Rivière");
            page.locator("#save-" + child).click();
            assertThat(page.locator("#mine-state-portal-account-" + child)).hasText("Autorisée");
            assertThat(page.locator("#mine-state-photos-" + child)).hasText("Autorisée");
            assertThat(page.locator("#mine-state-school-news-" + child)).hasText("Autorisée");
            shot("father-answered");

            // Camille follows her own invitation: she sees what her parents decided, and that they decide.
            String camilleLink = awaitMailLink(camilleMail, INVITATION);
            newBrowserContext();
            page.navigate(camilleLink);
            joinAs(camilleMail, "Camille", "Rivière");
            page.locator("#panel-student-nav-myPrivacy").click();
            assertThat(page.locator("#subject-" + child)).containsText("vos parents ou tuteurs décident pour vous");
            assertThat(page.locator("#mine-state-photos-" + child)).hasText("Autorisée");
            assertThat(page.locator("#save-" + child)).hasCount(0);
            shot("camille-sees-her-consents");

            // Hugo, 16, is invited by the school with everyone pending, and decides for himself.
            newBrowserContext();
            signIn(DemoData.SCHOOL_ADMIN);
            page.navigate(portal("/t/" + DemoData.JEAN_MOULIN.slug() + "/consent/classes"));
            assertThat(page.locator("#invite-pending-count")).containsText("à inviter");
            shot("school-invitations");
            page.locator("#invite-all-pending").click();
            assertThat(page.locator("vaadin-notification-card").last()).containsText("invitation");
            String hugoLink = awaitMailLink(hugoMail, INVITATION);
            newBrowserContext();
            page.navigate(hugoLink);
            joinAs(hugoMail, "Hugo", "Perrin");
            page.locator("#panel-student-nav-myPrivacy").click();
            String himself = hugo.id().toString();
            assertThat(page.locator("#subject-" + himself + " h3")).hasText("Vous");
            assertThat(page.locator("#mine-portal-account-" + himself)).hasCount(0);
            agree("photos", himself);
            fill("#confirm-name-" + himself, "Hugo Perrin");
            page.locator("#save-" + himself).click();
            assertThat(page.locator("#mine-state-photos-" + himself)).hasText("Autorisée");
            shot("hugo-decides");

            // The school writes to 5e B about its news: Camille, whose parents both agreed and chose e-mail, receives it.
            org.assertj.core.api.Assertions.assertThat(asSchool(admin, school, () -> consents.allows(camille.id(), "school-news",
                    Channel.EMAIL))).as("both parents agreed, by e-mail").isTrue();
            String party = "Fête du collège " + suffix;
            newBrowserContext();
            signIn(DemoData.SCHOOL_ADMIN);
            page.navigate(portal("/t/" + DemoData.JEAN_MOULIN.slug() + "/mailings"));
            assertThat(page.locator("#mailings-title")).hasText("Messages aux élèves et aux familles");
            page.locator("#mailing-purpose").click();
            page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Nouvelles de la vie de l’établissement")).click();
            page.locator("#mailing-audience vaadin-radio-button").filter(new Locator.FilterOptions().setHasText("Élèves")).click();
            fill("#mailing-class", "5e B");
            fill("#mailing-subject", party);
            page.locator("#mailing-body textarea").fill("Samedi 12, portes ouvertes et spectacle des 5e.");
            page.locator("#mailing-send").click();
            assertThat(page.locator("#mailings vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("Terminé")).first())
                    .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
            shot("school-news-sent");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                    .until(() -> CaughtMail.to(camilleMail).stream().anyMatch(m -> subject(m).equals(party)));

            // The mother withdraws the photos in one action, at once, and keeps the receipt.
            newBrowserContext();
            page.setViewportSize(390, 844);
            page.navigate(portal("/t/" + DemoData.JEAN_MOULIN.slug() + "/my-privacy"));
            signInAgain(nadiaMail, "Nadia", "Rivière");
            page.navigate(portal("/t/" + DemoData.JEAN_MOULIN.slug() + "/my-privacy"));
            page.locator("#withdraw-school-news-" + child).click();
            assertThat(page.locator("#mine-state-school-news-" + child)).hasText("Non autorisée");
            page.locator("#history-details-" + child).click();
            assertThat(page.locator("#history-" + child)).containsText("consentement retiré");
            Locator receipt = page.locator("#history-" + child + " a[id^=mine-receipt-pdf-]").first();
            Download download = page.waitForDownload(receipt::click);
            org.assertj.core.api.Assertions.assertThat(readAll(download)).startsWith("%PDF".getBytes());
            shot("mother-withdrew-phone");

            // The next news does not reach Camille.
            String show = "Spectacle " + suffix;
            UUID next = asSchool(admin, school, () -> mailings.send(new MailingDraft("school-news", MailingAudience.STUDENTS, "5e B", show,
                    "Jeudi soir.")));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                    .until(() -> asSchool(admin, school, () -> mailings.find(next)).orElseThrow().done());
            org.assertj.core.api.Assertions.assertThat(CaughtMail.to(camilleMail)).extracting(GuardianConsentJourneyIT::subject)
                    .contains(party).doesNotContain(show);

            // Camille's fifteenth birthday: at her next sign-in, "My privacy" asks for her own answers before anything else.
            LocalDate today = LocalDate.now(asSchool(admin, school, () -> settings.current().timeZone()));
            asSchool(admin, school, () -> people.update(camille.id(), new PersonDetails(PersonKind.STUDENT, "Camille", "Rivière",
                    today.minusYears(15), "5e B", camilleMail, null, "fr", null, null)));
            newBrowserContext();
            page.navigate(portal("/t/" + DemoData.JEAN_MOULIN.slug()));
            signInAgain(camilleMail, "Camille", "Rivière");
            page.navigate(portal("/t/" + DemoData.JEAN_MOULIN.slug()));
            assertThat(page.locator("#mine-coming-of-age-" + child)).containsText("désormais, vous décidez");
            assertThat(page.locator("#mine-state-photos-" + child)).hasText("Non autorisée");
            shot("camille-comes-of-age");
            agree("photos", child);
            fill("#confirm-name-" + child, "Camille Rivière");
            page.locator("#save-" + child).click();
            assertThat(page.locator("#mine-state-photos-" + child)).hasText("Autorisée");
            page.navigate(portal("/t/" + DemoData.JEAN_MOULIN.slug()));
            assertThat(page.locator("#dashboard-title")).hasText(DemoData.JEAN_MOULIN.name());

            // The link at the foot of the party message, opened on a phone with no sign-in, stops the school's news by e-mail.
            jakarta.mail.internet.MimeMessage partyMail = CaughtMail.to(camilleMail).stream().filter(m -> subject(m).equals(party))
                    .findFirst().orElseThrow();
            String unsubscribe = CaughtMail.header(partyMail, "List-Unsubscribe").replaceAll("^<|>$", "");
            newBrowserContext();
            page.setViewportSize(390, 844);
            page.navigate(unsubscribe);
            assertThat(page.locator("#unsubscribe-title")).hasText("Ne plus recevoir de courriels de " + DemoData.JEAN_MOULIN.name() + " ?");
            assertThat(page.locator("#unsubscribe-text")).containsText("d’actualités et d’offres");
            org.assertj.core.api.Assertions.assertThat(asSchool(admin, school, () -> channels.of(camille.id())).allowed()
                    .get(ChannelTopic.MARKETING)).as("opening the page changes nothing").contains(Channel.EMAIL);
            shot("unsubscribe-phone");
            page.locator("#unsubscribe-stop").click();
            assertThat(page.locator("#unsubscribe-title")).hasText("C’est fait : vous ne recevrez plus ces courriels");
            shot("unsubscribed-phone");
            org.assertj.core.api.Assertions.assertThat(asSchool(admin, school, () -> channels.of(camille.id())).allowed())
                    .as("the news by e-mail stopped, her information by e-mail kept")
                    .satisfies(a -> org.assertj.core.api.Assertions.assertThat(a.get(ChannelTopic.MARKETING)).doesNotContain(Channel.EMAIL))
                    .satisfies(a -> org.assertj.core.api.Assertions.assertThat(a.get(ChannelTopic.INFORMATION)).contains(Channel.EMAIL));
        } finally {
            asSchool(admin, school, () -> {
                consents.chooseMinorRule(before);
                return null;
            });
        }
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void agree(String purpose, String personId) {
        page.locator("#answer-" + purpose + "-" + personId + " vaadin-radio-button").filter(new Locator.FilterOptions().setHasText("J’accepte"))
                .click();
    }

    /** From an open invitation: registers with Keycloak, joins, accepts the policy in force, and lands on the dashboard. */
    private void joinAs(String email, String given, String family) {
        page.locator("#invitation-sign-in").click();
        registerThroughKeycloak(email, given, family, password(given));
        page.locator("#invitation-join").click();
        page.locator("#policy-accept").click();
        assertThat(page.locator("#dashboard-title")).hasText(DemoData.JEAN_MOULIN.name());
        shot("joined-" + given.toLowerCase(java.util.Locale.ROOT));
    }

    private void signInAgain(String email, String given, String family) {
        page.locator("#username").fill(email);
        if (page.locator("#password").count() == 0) {
            page.locator("#kc-login").click();
        }
        page.locator("#password").fill(password(given));
        page.locator("#kc-login").click();
        page.waitForURL(url -> url.startsWith(portal("/")) && !url.contains("/login"));
    }

    private static String password(String given) {
        return given + "-Tutela-2026!";
    }

    private static byte[] readAll(Download download) {
        try {
            return Files.readAllBytes(download.path());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static <T> T asSchool(UUID admin, Tenant school, Supplier<T> work) {
        return SignedInAs.inTenant(admin, school, work);
    }
}
