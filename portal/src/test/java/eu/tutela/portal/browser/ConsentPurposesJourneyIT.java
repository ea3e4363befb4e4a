package eu.tutela.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import eu.tutela.portal.demo.DemoData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A school's purposes as its administrator meets them: taken from the published policy (photos and dietary needs need
 * a parent's consent), one reworded after an empty name was refused; then a mother's contact preferences recorded on
 * her page, still there when the page is opened again; her consent to her daughter's photos, given on paper, entered on the
 * daughter's page (refused first without saying where the form is); the school's consents counted class by class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ConsentPurposesJourneyIT extends BrowserJourney {

    @Test
    void aSchoolAdministratorReadsAndRewordsItsPurposesAndRecordsAMothersChannels() {
        signIn(DemoData.SCHOOL_ADMIN);
        page.getByLabel("Navigation principale").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Finalités")).click();
        assertThat(page.locator("#purposes-title")).hasText("Finalités des traitements");
        assertThat(page.locator("#purpose-schooling")).containsText("Mission d’intérêt public (art. 6(1)(e))");
        assertThat(page.locator("#purpose-schooling")).containsText("Toujours active");
        assertThat(page.locator("#purpose-photos")).containsText("Consentement (art. 6(1)(a))");
        assertThat(page.locator("#purpose-photos")).containsText("Consentement requis : désactivée tant qu’il n’est pas donné");
        assertThat(page.locator("#purpose-dietary-needs")).containsText("Consentement requis");
        assertThat(page.locator("#purpose-photos")).containsText("Énoncée par la version 1 de la politique de confidentialité");
        shot("purposes");

        page.locator("#purpose-edit-photos").click();
        page.locator("#purpose-name-fr input").fill("");
        page.locator("#purpose-save").click();
        assertThat(page.locator("#purpose-name-fr")).containsText("Obligatoire.");
        shot("purpose-name-refused");
        page.locator("#purpose-name-fr input").fill("Photos et vidéos de la vie de classe");
        page.locator("#purpose-save").click();
        assertThat(page.locator("#purpose-photos h3")).hasText("Photos et vidéos de la vie de classe");
        assertThat(page.locator("#purpose-photos")).containsText("formulation adaptée ici");

        page.getByLabel("Navigation principale").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Personnes")).click();
        page.locator("#people-search input").fill("sophie");
        page.locator("#people-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("Sophie")).first().click();
        assertThat(page.locator("#person-name")).hasText("Sophie Lefort");
        Locator information = page.locator("#channels-information");
        assertThat(information.locator("vaadin-checkbox").filter(new Locator.FilterOptions().setHasText("Courriel")).locator("input")).isChecked();
        information.locator("vaadin-checkbox").filter(new Locator.FilterOptions().setHasText("SMS")).locator("input").check();
        assertThat(page.locator("vaadin-notification-card")).containsText("Préférences de contact enregistrées.");
        shot("channels");

        page.reload();
        assertThat(page.locator("#channels-information vaadin-checkbox").filter(new Locator.FilterOptions().setHasText("SMS"))
                .locator("input")).isChecked();
        assertThat(page.locator("#channels-marketing vaadin-checkbox").filter(new Locator.FilterOptions().setHasText("WhatsApp"))
                .locator("input")).not().isChecked();
        assertThat(page.locator("#person-history")).containsText("préférences de contact modifiées");

        // Her daughter's photos: the mother answered on paper; the school enters it.
        page.locator("#person-links a").filter(new Locator.FilterOptions().setHasText("Hélène Lefort")).click();
        assertThat(page.locator("#person-name")).hasText("Hélène Lefort");
        assertThat(page.locator("#person-consents")).containsText("Mineur : les responsables légaux titulaires de l’autorité parentale décident.");
        assertThat(page.locator("#consent-photos")).containsText("Non autorisée");
        assertThat(page.locator("#consent-photos")).containsText("Personne n’a encore décidé.");
        page.locator("#consent-paper").click();
        page.locator("#consent-paper-purpose").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Photos et vidéos de la vie de classe")).click();
        page.locator("#consent-paper-giver").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Sophie Lefort")).click();
        page.locator("#consent-paper-decision vaadin-radio-button").filter(new Locator.FilterOptions().setHasText("consentement donné"))
                .locator("input").check();
        page.locator("#consent-paper-save").click();
        assertThat(page.locator("#consent-paper-note")).containsText("Indiquez où le formulaire papier est conservé.");
        shot("paper-consent-note-missing");
        page.locator("#consent-paper-note textarea").fill("Formulaire signé, classé au dossier de l’élève");
        page.locator("#consent-paper-save").click();
        assertThat(page.locator("#consent-photos")).containsText("Autorisée");
        assertThat(page.locator("#consent-photos")).containsText("Sophie Lefort : consentement donné");
        assertThat(page.locator("#consent-photos")).containsText("(sur papier)");
        shot("paper-consent-recorded");
        Download receipt = page.waitForDownload(() -> page.locator("#consent-photos a[id^=receipt-pdf-]").first().click());
        org.assertj.core.api.Assertions.assertThat(receipt.suggestedFilename()).startsWith("consent-").endsWith(".pdf");
        org.assertj.core.api.Assertions.assertThat(readStart(receipt.path())).isEqualTo("%PDF-");

        // The school's view: Hélène's class now has one pupil allowed; Inès's father refused (on paper, in the demo).
        page.getByLabel("Navigation principale").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Consentements par classe")).click();
        assertThat(page.locator("#classes-title")).hasText("Consentements par classe");
        Locator photos = page.locator("#classes-photos vaadin-grid-cell-content");
        assertThat(photos.filter(new Locator.FilterOptions().setHasText("5e B"))).hasCount(1);
        assertThat(photos.filter(new Locator.FilterOptions().setHasText("3e A"))).hasCount(1);
        assertThat(page.locator("#classes-photos")).containsText("Refusés ou retirés");
        shot("consents-by-class");
    }

    private static String readStart(Path file) {
        try {
            return new String(Files.readAllBytes(file), 0, 5, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
