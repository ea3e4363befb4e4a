package eu.tutela.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import eu.tutela.portal.demo.DemoData;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The registry as a school's administrator meets it: the demo pupils listed, a pupil found by typing her name
 * without accents, her guardians on her page, and a registration refused for a birth date in the future,
 * then accepted; an id that is not one of its people, in the URL, shows nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PeopleRegistryJourneyIT extends BrowserJourney {

    @Test
    void aSchoolAdministratorFindsAPupilAndHerGuardiansAndRegistersSomeone() {
        signIn(DemoData.SCHOOL_ADMIN);
        page.getByLabel("Navigation principale").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Personnes")).click();
        assertThat(page.locator("#people-title")).hasText("Personnes");
        assertThat(page.locator("#people-grid")).containsText("Lefort");
        shot("people");

        page.locator("#people-search input").fill("helene");
        assertThat(page.locator("#people-total")).hasText("1 personne(s)");
        assertThat(page.locator("#people-grid")).containsText("Hélène");
        shot("search-without-accents");
        page.locator("#people-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText("Hélène")).first().click();
        assertThat(page.locator("#person-name")).hasText("Hélène Lefort");
        assertThat(page.locator("#person-summary")).containsText("5e B · mineur");
        assertThat(page.locator("#person-links")).containsText("Marc Lefort — père");
        assertThat(page.locator("#person-links")).containsText("Sophie Lefort — mère");
        assertThat(page.locator("#person-links")).containsText("Yvette Lefort — autre · sans autorité parentale");
        shot("pupil-and-guardians");

        page.locator("a").filter(new Locator.FilterOptions().setHasText("Retour aux personnes")).click();
        page.locator("#people-register").click();
        page.locator("#person-kind").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Élève")).click();
        page.locator("#person-given-name input").fill("Anaïs");
        page.locator("#person-family-name input").fill("Vidal");
        page.locator("#person-birth-date input").fill("01/01/2099");
        page.locator("#person-birth-date input").press("Enter");
        page.locator("#person-class input").fill("6e A");
        page.locator("#person-save").click();
        assertThat(page.locator("#person-birth-date")).containsText("Une date de naissance ne peut pas être dans le futur.");
        shot("birth-date-refused");
        page.locator("#person-birth-date input").fill("15/03/2014");
        page.locator("#person-birth-date input").press("Enter");
        page.locator("#person-save").click();
        assertThat(page.locator("#person-name")).hasText("Anaïs Vidal");
        assertThat(page.locator("#person-summary")).containsText("Élève · 6e A · mineur");
        assertThat(page.locator("#person-history")).containsText("Hélène Garnier <direction@jean-moulin.example> — inscription");

        // An id that is none of this school's people, or no id at all, in the URL: nothing shown.
        page.navigate(portal("/t/jean-moulin/people/00000000-0000-0000-0000-000000000000"));
        assertThat(page.locator("#person-unknown")).hasText("Cette personne n’existe pas ici.");
        page.navigate(portal("/t/jean-moulin/people/not-an-id"));
        assertThat(page.locator("#person-unknown")).isVisible();
        shot("unknown-person");
    }
}
