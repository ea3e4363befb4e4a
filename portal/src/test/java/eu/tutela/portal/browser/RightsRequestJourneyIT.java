package eu.tutela.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import eu.tutela.portal.demo.DemoData;
import eu.tutela.portal.people.People;
import eu.tutela.portal.people.Person;
import eu.tutela.portal.people.PersonDetails;
import eu.tutela.portal.people.PersonKind;
import eu.tutela.portal.people.Relationship;
import eu.tutela.portal.security.SignedInAs;
import eu.tutela.portal.support.CaughtMail;
import eu.tutela.portal.support.OwnerDatabase;
import eu.tutela.portal.support.PersonTraces;
import eu.tutela.portal.tenancy.Tenant;
import eu.tutela.portal.tenancy.TenantDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

/**
 * A student of HEMI asks, from her phone, to see her data; HEMI's DPO finds it in the queue with its due date, starts
 * it, asks her a question she answers, gathers her data into an archive and completes it; she follows each step on "My
 * requests" and by e-mail, and downloads her data: hers, and nobody else's. A parent asks to erase his child's data:
 * the DPO sees what will go and what the law keeps, erases, and nothing of the child is left outside the holds. A former
 * student, without an account, writes through the public form with the code e-mailed to her.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RightsRequestJourneyIT extends BrowserJourney {

    @Autowired
    People people;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    Environment env;

    @Test
    void aStudentAsksForHerDataAndTheDpoAnswersWithinTheMonth() {
        page.setViewportSize(390, 844);
        signIn(DemoData.STUDENT);
        acceptPolicyIfAsked();
        page.navigate(portal("/t/hemi/my-requests"));
        assertThat(page.locator("#my-requests-title")).hasText("Mes demandes");
        assertThat(page.locator(".request-card").filter(new Locator.FilterOptions().setHasText("Une question sur mes données")))
                .containsText("Reçue");
        shot("my-requests-phone");

        // An empty request is refused where she looks, then sent.
        page.locator("#request-submit").click();
        assertThat(page.locator("#request-type")).containsText("Choisissez une demande.");
        page.locator("#request-type").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Consulter mes données (accès)")).click();
        assertThat(page.locator("#request-type-help")).containsText("RGPD art. 15");
        page.locator("#request-details textarea").fill("Je voudrais une copie de tout mon dossier, notes comprises.");
        page.locator("#request-submit").click();
        Locator mine = page.locator(".request-card").filter(new Locator.FilterOptions().setHasText("Consulter mes données (accès)"));
        assertThat(mine).containsText("Reçue");
        assertThat(mine).containsText("réponse due au plus tard le");
        String reference = mine.getAttribute("id").substring("request-".length());
        shot("request-sent-phone");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> CaughtMail.to(DemoData.STUDENT.email()).stream()
                .anyMatch(m -> CaughtMail.text(m).contains("Votre demande " + reference + " a bien été reçue")));

        // The DPO: the queue, the request, its steps.
        newBrowserContext();
        signIn(DemoData.DPO);
        acceptPolicyIfAsked();
        // Another journey of this run may have left the DPO's language on English; this one reads French.
        chooseLanguage("Français");
        assertThat(page.locator("#dashboard-roles")).containsText("Vos rôles ici");
        page.getByLabel("Navigation principale").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Demandes d’exercice des droits")).click();
        assertThat(page.locator("#requests-title")).hasText("Demandes d’exercice des droits");
        Locator row = page.locator("#requests vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(reference));
        assertThat(row).hasCount(1);
        shot("queue");
        row.click();
        assertThat(page.locator("#request-title")).hasText("Consulter mes données (accès) · Emma Nguyen");
        assertThat(page.locator("#request-facts")).containsText("student@hemi.example");
        assertThat(page.locator("#request-badges")).containsText("Reçue");
        assertThat(page.locator("#request-badges")).containsText("jours restants");
        shot("request");
        page.locator("#request-start").click();
        assertThat(page.locator("#request-badges")).containsText("En cours");
        page.locator("#request-text textarea").fill("Souhaitez-vous aussi les copies d’examen ?");
        page.locator("#request-await-reply input").check();
        page.locator("#request-message").click();
        assertThat(page.locator("#request-badges")).containsText("En attente du demandeur");
        shot("request-waiting");

        // The records of processing, from the same descriptions the archive's summary uses.
        page.getByLabel("Navigation principale").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Registre des traitements")).click();
        assertThat(page.locator("#records-title")).hasText("Registre des traitements");
        assertThat(page.locator("#records-controller")).containsText(DemoData.HEMI.dpoName());
        assertThat(page.locator("#record-person")).containsText("Mission d’intérêt public (RGPD art. 6(1)(e))");
        shot("records-of-processing");
        Download records = page.waitForDownload(page.locator("#records-pdf")::click);
        try {
            org.assertj.core.api.Assertions.assertThat(Files.readAllBytes(records.path())).startsWith("%PDF".getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        // Emma answers from her phone.
        newBrowserContext();
        page.setViewportSize(390, 844);
        signIn(DemoData.STUDENT);
        page.navigate(portal("/t/hemi/my-requests"));
        Locator card = page.locator("#request-" + reference);
        assertThat(card).containsText("Souhaitez-vous aussi les copies d’examen ?");
        page.locator("#request-reply-" + reference + " textarea").fill("Oui, merci.");
        page.locator("#request-reply-send-" + reference).click();
        assertThat(page.locator("#request-" + reference)).containsText("Oui, merci.");
        assertThat(page.locator("#request-" + reference)).containsText("En cours");

        // The DPO completes it; Emma is told.
        newBrowserContext();
        signIn(DemoData.DPO);
        page.navigate(portal("/t/hemi/requests"));
        page.locator("#requests vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(reference)).click();
        assertThat(page.locator(".request-timeline")).containsText("Oui, merci.");
        page.locator("#request-build-archive").click();
        assertThat(page.locator("#request-archive-state")).containsText("Archive prête",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        shot("archive-ready");
        page.locator("#request-complete").click();
        assertThat(page.locator("#request-text")).containsText("Écrivez d’abord quelque chose.");
        page.locator("#request-text textarea").fill("Votre dossier complet vous a été remis le jour même.");
        page.locator("#request-complete").click();
        assertThat(page.locator("#request-badges")).containsText("Traitée");
        shot("request-completed");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> CaughtMail.to(DemoData.STUDENT.email()).stream()
                .anyMatch(m -> CaughtMail.text(m).contains("Votre dossier complet vous a été remis")));

        // Emma downloads her data: hers, and nobody else's.
        newBrowserContext();
        page.setViewportSize(390, 844);
        signIn(DemoData.STUDENT);
        page.navigate(portal("/t/hemi/my-requests"));
        assertThat(page.locator("#request-" + reference)).containsText("Traitée");
        shot("archive-to-download-phone");
        Download download = page.waitForDownload(page.locator("#request-archive-" + reference)::click);
        Map<String, String> files = unzip(download);
        org.assertj.core.api.Assertions.assertThat(files.get("data/people.json")).contains("\"given_name\":\"Emma\"")
                .contains("\"family_name\":\"Nguyen\"").contains("student@hemi.example");
        org.assertj.core.api.Assertions.assertThat(files.get("summary.html")).contains("Données personnelles de Emma Nguyen");
        org.assertj.core.api.Assertions.assertThat(String.join("\n", files.values())).as("no other student")
                .doesNotContain("Dubois").doesNotContain("Lefebvre").doesNotContain("Haddad");
    }

    @Test
    void aParentAsksToEraseHerChildAndTheDpoErasesAllButWhatTheLawKeeps() {
        // A child of David's, for this journey only (the demo's own children stay for the others).
        Tenant hemi = tenants.findActiveBySlug("hemi").orElseThrow();
        UUID admin = OwnerDatabase.of(env).sql("select id from app_user where email = ?").param(DemoData.ADMIN.email()).query(UUID.class).single();
        String family = "Effacee" + UUID.randomUUID().toString().chars().filter(Character::isLetter).limit(6)
                .mapToObj(c -> String.valueOf((char) c)).collect(Collectors.joining());
        Person child = SignedInAs.inTenant(admin, hemi, () -> {
            Person registered = people.register(new PersonDetails(PersonKind.STUDENT, "Zoé", family, LocalDate.now().minusYears(11), "6e B",
                    null, null, "fr", null, null));
            Person david = people.findByExternalId("HEMI-R001").orElseThrow();
            people.link(david.id(), registered.id(), Relationship.FATHER, true);
            return registered;
        });
        SignedInAs.nobody();

        page.setViewportSize(390, 844);
        signIn(DemoData.GUARDIAN);
        acceptPolicyIfAsked();
        page.navigate(portal("/t/hemi/my-requests"));
        page.locator("#request-subject").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Zoé " + family)).click();
        page.locator("#request-type").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Effacer mes données (effacement)")).click();
        page.locator("#request-details textarea").fill("Zoé quitte l’école : effacez ses données.");
        page.locator("#request-submit").click();
        Locator mine = page.locator(".request-card").filter(new Locator.FilterOptions().setHasText("Zoé " + family));
        assertThat(mine).containsText("Reçue");
        String reference = mine.getAttribute("id").substring("request-".length());

        newBrowserContext();
        signIn(DemoData.DPO);
        acceptPolicyIfAsked();
        chooseLanguage("Français");
        // Changing the language reloads the page: it is waited for before going elsewhere.
        assertThat(page.locator("#dashboard-roles")).containsText("Vos rôles ici");
        page.navigate(portal("/t/hemi/requests"));
        page.locator("#requests vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(reference)).click();
        assertThat(page.locator("#request-title")).hasText("Effacer mes données (effacement) · Zoé " + family);
        page.locator("#request-start").click();
        page.locator("#request-erasure-preview").click();
        Locator lines = page.locator("#request-erasure-lines");
        assertThat(lines).containsText("Effacement");
        assertThat(lines).containsText("Conservation");
        assertThat(lines).containsText("La trace de chaque demande d’exercice de droits");
        assertThat(lines).containsText("Le journal d’audit prouve qui a fait quoi");
        shot("erasure-preview");
        page.locator("#request-erasure-erase").click();
        Locator dialog = page.getByRole(AriaRole.ALERTDIALOG);
        assertThat(dialog).containsText("Effacer les données de Zoé " + family + " ?");
        shot("erasure-confirm");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Effacer maintenant").setExact(true)).click();
        assertThat(page.locator("#request-badges")).containsText("Traitée");
        assertThat(page.locator(".request-timeline")).containsText("Données effacées");
        shot("erasure-done");

        org.assertj.core.api.Assertions.assertThat(PersonTraces.outside(env, hemi.id(), PersonTraces.LEGAL_HOLDS, family,
                child.id().toString())).as("tables that still hold something of Zoé").isEmpty();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> CaughtMail.to(DemoData.GUARDIAN.email()).stream()
                .anyMatch(m -> CaughtMail.text(m).contains(reference) && CaughtMail.text(m).contains("sauf ce que la loi")));
    }

    @Test
    void aFormerStudentWritesThroughThePublicFormWithTheCodeSentToHer() {
        String address = "ancienne-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        page.setViewportSize(390, 844);
        page.navigate(portal("/p/hemi/request"));
        page.locator("#public-request-language").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Français")).click();
        assertThat(page.locator("#public-request-title")).containsText("Vos données personnelles chez Haute École des Mines");
        shot("public-request-phone");
        page.locator("#public-request-send").click();
        assertThat(page.locator("#public-request-name")).containsText("Indiquez votre nom.");
        assertThat(page.locator("#public-request-email")).containsText("Indiquez une adresse électronique");
        page.locator("#public-request-name input").fill("Inès Ancienne");
        page.locator("#public-request-email input").fill(address);
        page.locator("#public-request-type").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Consulter mes données (accès)")).click();
        page.locator("#public-request-details textarea").fill("Élève de 2015 à 2019, promotion Mines.");
        page.locator("#public-request-send").click();
        assertThat(page.locator("#public-request-code-sent")).containsText(address);
        shot("public-request-code-phone");

        Pattern sent = Pattern.compile("Votre code est (\\d{6})");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> CaughtMail.to(address).stream()
                .anyMatch(m -> sent.matcher(CaughtMail.text(m)).find()));
        Matcher code = sent.matcher(CaughtMail.to(address).stream().map(CaughtMail::text).filter(t -> sent.matcher(t).find())
                .findFirst().orElseThrow());
        code.find();
        page.locator("#public-request-code input").fill(code.group(1).equals("000000") ? "111111" : "000000");
        page.locator("#public-request-confirm").click();
        assertThat(page.locator("#public-request-code")).containsText("Ce code n’est pas celui que nous avons envoyé.");
        page.locator("#public-request-code input").fill(code.group(1));
        page.locator("#public-request-confirm").click();
        assertThat(page.locator("#public-request-received")).containsText("est reçue");
        shot("public-request-received-phone");
        String reference = page.locator("#public-request-received").textContent().replaceAll(".*demande ([0-9A-Z]{8}).*", "$1");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> CaughtMail.to(address).stream()
                .anyMatch(m -> CaughtMail.text(m).contains(reference) && CaughtMail.text(m).contains("a bien été reçue")));
    }

    private static Map<String, String> unzip(Download download) {
        Map<String, String> files = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(download.path()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** HEMI's policy may have been published by another journey of this run: whoever signs in accepts it first. */
    private void acceptPolicyIfAsked() {
        page.locator("#dashboard-title, #policy-accept").first().waitFor();
        if (page.locator("#policy-accept").count() > 0) {
            page.locator("#policy-accept").click();
        }
        page.locator("#dashboard-title").waitFor();
    }
}
