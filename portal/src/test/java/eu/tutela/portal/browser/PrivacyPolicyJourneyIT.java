package eu.tutela.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import eu.tutela.portal.demo.DemoData;
import eu.tutela.portal.policy.PolicyDraft;
import eu.tutela.portal.policy.PolicyDrafts;
import eu.tutela.portal.security.PortalUsers;
import eu.tutela.portal.security.SignedInAs;
import eu.tutela.portal.tenancy.Memberships;
import eu.tutela.portal.tenancy.Tenant;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantRole;
import eu.tutela.portal.tenancy.TenantDirectory;
import eu.tutela.portal.support.CaughtMail;
import eu.tutela.portal.support.OwnerDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 9's "done when", tried as new users would: HEMI's administrator makes its policy from the
 * higher-education template in French and English, meets bad input on the fields, publishes; a colleague's
 * save is announced, not overwritten; a new processor outside the EEA is proposed as a substantial change,
 * published and mailed; the versions are compared side by side, on a desktop and on a phone; a new phone
 * number is a minor change; the public page serves every version as HTML and PDF without signing in.
 * Runs last: HEMI keeps the policy it publishes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Order(Integer.MAX_VALUE)
class PrivacyPolicyJourneyIT extends BrowserJourney {

    @Autowired
    PolicyDrafts drafts;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    PortalUsers users;
    @Autowired
    Memberships memberships;
    @Autowired
    Environment env;

    @Test
    void hemiMakesPublishesAndChangesItsPolicy() throws Exception {
        signIn(DemoData.ADMIN);
        page.getByLabel("Navigation principale").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Politique de confidentialité")).click();
        assertThat(page.locator("#policy-editor-title")).hasText("Politique de confidentialité");
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(Pattern.compile("^Établissement d’enseignement supérieur"))).check();
        shot("templates");
        page.locator("#policy-start").click();

        // Prefilled from the settings; what the settings cannot know is marked as missing, on its field.
        assertThat(page.locator("#policy-var-controller-name input")).hasValue(DemoData.HEMI.name());
        assertThat(page.locator("#policy-var-dpo-email input")).hasValue(DemoData.HEMI.dpoEmail());
        assertThat(page.locator("#policy-var-controller-address")).hasAttribute("invalid", "");
        assertThat(page.locator("#policy-var-controller-address")).containsText("est obligatoire et n’est pas renseignée");
        assertThat(page.locator("#policy-preview-notice")).containsText("L’aperçu s’affichera quand");
        shot("draft-started");

        // Bad input: each refusal on its field, in French.
        edit("#policy-var-contact-email", "contact@");
        assertThat(page.locator("#policy-var-contact-email")).containsText("n’est pas une adresse e-mail valide");
        edit("#policy-var-retention-account", "-3 mois");
        assertThat(page.locator("#policy-var-retention-account")).containsText("n’est pas une durée positive");
        edit("#policy-var-website", "javascript:alert(1)");
        assertThat(page.locator("#policy-var-website")).containsText("n’est pas une adresse web valide");
        page.locator("#policy-section-purposes").click();
        editText("#policy-free-purposes-fr", "Voir <script>alert('x')</script> ici");
        assertThat(page.locator("#policy-free-purposes-fr")).containsText("contient du balisage HTML ou un script");
        shot("bad-input");

        edit("#policy-var-contact-email", "contact@hemi.example");
        edit("#policy-var-retention-account", "5 ans");
        edit("#policy-var-website", "https://www.hemi.example");
        editText("#policy-free-purposes-fr", "Les **stages** sont suivis avec les entreprises partenaires.");
        editText("#policy-free-purposes-en", "**Internships** are followed with partner companies.");
        edit("#policy-var-controller-address", "1 avenue de l’Industrie, 59000 Lille");
        edit("#policy-var-retention-logs", "1 an");
        check("#policy-var-contact-channels", "E-mail");
        check("#policy-var-contact-channels", "SMS");
        assertThat(page.locator("#policy-preview")).containsText("1 avenue de l’Industrie, 59000 Lille");
        assertThat(page.locator("#policy-preview strong").filter(new Locator.FilterOptions().setHasText("stages"))).isVisible();
        assertThat(page.locator("#policy-preview script")).hasCount(0);
        shot("preview-fr");
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("English")).check();
        assertThat(page.locator("#policy-preview h1")).hasText("Privacy policy");
        assertThat(page.locator("#policy-preview")).containsText("Internships");
        shot("preview-en");

        // A colleague saves meanwhile: the next change here is refused, announced, and their draft is shown.
        Tenant hemi = tenants.findActiveBySlug(DemoData.HEMI.slug()).orElseThrow();
        UUID colleague = users.register("zoe." + UUID.randomUUID().toString().substring(0, 8) + "@hemi.example", "Zoé Collègue");
        TenantContext.runAs(hemi.id(), () -> memberships.grant(colleague, TenantRole.DPO));
        SignedInAs.inTenant(colleague, hemi, () -> {
            PolicyDraft theirs = drafts.current().orElseThrow();
            return drafts.save(theirs.content().withValue("controller.registration", "UAI 0590000X"), theirs.revision());
        });
        edit("#policy-var-contact-phone", "+33 3 20 00 00 00");
        assertThat(page.locator("vaadin-notification-card").last()).containsText("Zoé Collègue a modifié ce brouillon");
        assertThat(page.locator("#policy-var-controller-registration input")).hasValue("UAI 0590000X");
        assertThat(page.locator("#policy-var-contact-phone input")).hasValue("");
        shot("colleague-saved");

        publish("C’est la première version de l’établissement", 1);

        // The demo student, on their own browser, must read and accept it before anything else of HEMI.
        Page adminPage = page;
        BrowserContext studentContext = chromium.browser.newContext(new Browser.NewContextOptions().setLocale("fr-FR"));
        Page studentPage = studentContext.newPage();
        page = studentPage;
        signIn(DemoData.STUDENT);
        assertThat(page.locator("#policy-accept-title")).hasText("Politique de confidentialité");
        assertThat(page.locator("#policy-accept-intro")).containsText("a publié sa politique de confidentialité (version 1");
        assertThat(page.locator("#policy-text")).containsText("1 avenue de l’Industrie, 59000 Lille");
        assertThat(page.locator("#policy-decline")).hasCount(0);
        page.navigate(portal("/t/hemi/policy"));
        assertThat(page.locator("#policy-accept-title")).isVisible();
        shot("student-must-accept");
        page.locator("#policy-accept").click();
        assertThat(page.locator("#dashboard-title")).hasText(DemoData.HEMI.name());
        page = adminPage;
        shot("published-v1");

        // A processor outside the EEA: the safeguard is asked for, then the change is proposed as substantial.
        page.locator("#policy-start").click();
        page.locator("#policy-processor-add").click();
        page.locator("#policy-processor-add").click();
        editText("#policy-processor-0-name", "Scaleway");
        choose("#policy-processor-0-category", "Hébergement");
        choose("#policy-processor-0-country", "France");
        editText("#policy-processor-1-name", "WhatsApp Business (Meta Platforms)");
        choose("#policy-processor-1-category", "Communication");
        choose("#policy-processor-1-country", "États-Unis");
        assertThat(page.locator("#policy-processor-1-safeguard")).containsText("Ce pays est hors de l’EEE : choisissez la garantie");
        shot("processor-needs-safeguard");
        choose("#policy-processor-1-safeguard", "Les clauses contractuelles types de la Commission européenne (art. 46 RGPD)");
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Français")).check();
        assertThat(page.locator("#policy-preview")).containsText("WhatsApp Business (Meta Platforms)");
        publish("changements substantiels (les destinataires, les transferts hors de l’EEE)", 2);

        // Every member is told, in their language, through the outbox and the real mail server.
        Pattern notice = Pattern.compile("http://[^\"\\s<>]+/t/hemi/policy/accept\\?via=mail");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> CaughtMail.found(DemoData.STUDENT.email(), notice).size() >= 2);

        // The student must accept again, and is shown what changed since the version they accepted.
        page = studentPage;
        page.navigate(CaughtMail.found(DemoData.STUDENT.email(), notice).getLast());
        assertThat(page.locator("#policy-accept-intro")).containsText("Voici ce qui a changé depuis la version que vous avez acceptée");
        assertThat(page.locator("#policy-accept-changes .diff-added")).containsText(new String[] {"WhatsApp Business"});
        shot("student-sees-changes");
        page.locator("#policy-accept").click();
        assertThat(page.locator("#dashboard-title")).hasText(DemoData.HEMI.name());
        page = adminPage;
        assertThat(CaughtMail.to(DemoData.STUDENT.email()).getLast().getSubject()).contains("nouvelle version de la politique");

        // The two versions side by side.
        page.getByLabel("Navigation principale").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Versions de la politique")).click();
        assertThat(page.locator("#policy-history-grid")).containsText("Changement substantiel");
        assertThat(page.locator("#policy-history-grid")).containsText("Première version");
        Locator transfers = page.locator("#policy-diff-transfers");
        assertThat(transfers.locator(".diff-added")).containsText(new String[] {"WhatsApp Business"});
        shot("history-desktop");
        page.setViewportSize(390, 844);
        Locator columns = transfers.locator(".diff-column");
        assertThat(columns.nth(1).boundingBox().y).isGreaterThan(columns.nth(0).boundingBox().y + columns.nth(0).boundingBox().height - 1);
        shot("history-phone");
        page.setViewportSize(1280, 900);

        // A new phone number: minor, nobody asked again.
        page.getByLabel("Navigation principale").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Politique de confidentialité")).click();
        page.locator("#policy-start").click();
        edit("#policy-var-contact-phone", "+33 3 20 99 99 99");
        publish("ne trouve que des changements mineurs", 3);
        page = studentPage;
        page.navigate(portal("/t/hemi"));
        assertThat(page.locator("#dashboard-title")).hasText(DemoData.HEMI.name());
        page = adminPage;

        // The dashboard: the version by role, and the student's acceptance by e-mail link in the CSV.
        page.getByLabel("Navigation principale").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Acceptation de la politique")).click();
        assertThat(page.locator("#acceptance-grid")).containsText("Élève ou étudiant");
        assertThat(page.locator("#acceptance-totals")).containsText("Au total : ");
        shot("acceptance-dashboard");
        Download download = page.waitForDownload(() -> page.locator("#acceptance-export").click());
        String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertThat(csv).contains(DemoData.STUDENT.email() + ",STUDENT,ACCEPTED,2,").contains(",fr,FULL,EMAIL_LINK,");
        studentContext.close();

        // The public page, without an account: every version, as HTML and as PDF.
        newBrowserContext();
        page.navigate(portal("/p/hemi/privacy"));
        assertThat(page.locator("body")).containsText("+33 3 20 99 99 99");
        assertThat(page.locator("body")).containsText("WhatsApp Business");
        shot("public-v3");
        page.navigate(portal("/p/hemi/privacy/1?lang=en"));
        assertThat(page.locator("h1")).hasText("Privacy policy");
        assertThat(page.locator("body")).not().containsText("WhatsApp");
        shot("public-v1-en");
        for (String pdf : new String[] {"/p/hemi/privacy.pdf", "/p/hemi/privacy/1.pdf?lang=en"}) {
            APIResponse response = page.request().get(portal(pdf));
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.headers().get("content-type")).isEqualTo("application/pdf");
            assertThat(new String(response.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        }
    }

    @Test
    void aPupilReadsTheTextWrittenForPupilsFirstAndTheFullTextIsOneClickAway() {
        signIn(DemoData.PUPIL);
        assertThat(page.locator("#policy-accept-intro")).containsText("Collège Jean Moulin t’explique ce qu’il fait de tes données personnelles");
        assertThat(page.locator("#policy-accept")).hasText("J’ai lu et je suis d’accord");
        assertThat(page.locator("#policy-text h1")).hasText("Tes données personnelles à l’école, expliquées simplement");
        assertThat(page.locator("#policy-text")).containsText("dpo@jean-moulin.example");
        shot("pupil-text");
        page.locator("#policy-switch-text").click();
        assertThat(page.locator("#policy-text h1")).hasText("Politique de confidentialité");
        shot("full-text");
        page.locator("#policy-switch-text").click();
        assertThat(page.locator("#policy-text h1")).hasText("Tes données personnelles à l’école, expliquées simplement");
        page.setViewportSize(390, 844);
        shot("pupil-text-phone");
        page.locator("#policy-accept").click();
        assertThat(page.locator("#dashboard-title")).hasText(DemoData.JEAN_MOULIN.name());

        // The record says which text the pupil was shown when accepting.
        Tenant school = tenants.findActiveBySlug(DemoData.JEAN_MOULIN.slug()).orElseThrow();
        UUID pupil = TenantContext.callAs(school.id(), () -> users.findByEmail(DemoData.PUPIL.email())).orElseThrow().id();
        List<String> records = OwnerDatabase.inTenant(env, school.id(), owner -> owner.sql(
                "select text_shown || ' ' || channel || ' ' || lang from policy_acceptance where user_id = ?").param(pupil)
                .query(String.class).list());
        assertThat(records).containsExactly("PUPIL SIGN_IN fr");
    }

    /** Types into a field and leaves it, then waits until the draft is saved with it. */
    private void edit(String field, String value) {
        String before = page.locator("#policy-draft-status").textContent();
        page.locator(field + " input").fill(value);
        page.locator(field + " input").press("Tab");
        assertThat(page.locator("#policy-draft-status")).not().hasText(before);
    }

    private void editText(String field, String value) {
        String before = page.locator("#policy-draft-status").textContent();
        Locator input = page.locator(field + " textarea, " + field + " input").first();
        input.fill(value);
        input.press("Tab");
        assertThat(page.locator("#policy-draft-status")).not().hasText(before);
    }

    private void check(String group, String label) {
        String before = page.locator("#policy-draft-status").textContent();
        page.locator(group).getByRole(AriaRole.CHECKBOX, new Locator.GetByRoleOptions().setName(label).setExact(true)).check();
        assertThat(page.locator("#policy-draft-status")).not().hasText(before);
    }

    /** Filters a combo box's items and picks the one named exactly. */
    private void choose(String combo, String item) {
        page.locator(combo + " input").fill(item);
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(item).setExact(true)).click();
        assertThat(page.locator(combo + " input")).hasValue(item);
    }

    private void publish(String proposal, int number) {
        page.locator("#policy-publish").click();
        assertThat(page.locator("#policy-publish-proposal")).containsText(proposal);
        shot("publish-v" + number);
        page.locator("#policy-publish-confirm").click();
        // Publishing renders and prints every language: the first PDF of a fresh JVM takes its time.
        assertThat(page.locator("vaadin-app-layout")).containsText("La version " + number + " est en vigueur",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(90_000));
    }
}
