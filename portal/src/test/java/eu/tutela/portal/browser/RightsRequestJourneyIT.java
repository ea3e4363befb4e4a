package eu.tutela.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import eu.tutela.portal.demo.DemoData;
import eu.tutela.portal.support.CaughtMail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A student of HEMI asks, from her phone, to see her data; HEMI's DPO finds it in the queue with its due date, starts
 * it, asks her a question she answers, gathers her data into an archive and completes it; she follows each step on "My
 * requests" and by e-mail, and downloads her data: hers, and nobody else's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RightsRequestJourneyIT extends BrowserJourney {

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
