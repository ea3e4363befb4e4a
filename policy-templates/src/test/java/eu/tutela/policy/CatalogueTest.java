package eu.tutela.policy;

import eu.tutela.policy.catalogue.Topic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue offers the three templates in both languages, each with every section the issue asks for. */
class CatalogueTest {

    @Test
    void threeTemplatesInBothLanguages() {
        for (Lang lang : Lang.values()) {
            assertThat(Examples.LIBRARY.list(lang)).extracting(TemplateDescription::id)
                    .containsExactly("school-minors", "higher-education", "online-learning");
        }
        assertThat(Examples.LIBRARY.describe("school-minors", Lang.FR).name()).isEqualTo("École, collège ou lycée (élèves mineurs)");
        assertThat(Examples.LIBRARY.describe("school-minors", Lang.EN).sections()).extracting(TemplateDescription.Section::topic)
                .contains(Topic.CONTROLLER, Topic.DATA, Topic.PURPOSES, Topic.RECIPIENTS, Topic.TRANSFERS, Topic.RETENTION,
                        Topic.SECURITY, Topic.RIGHTS, Topic.MINORS, Topic.CONTACT, Topic.UPDATES, Topic.AUTHORITY);
    }

    @Test
    void everyTemplateRendersInEveryLanguageWithoutPlaceholders() {
        for (String file : new String[] {Examples.HEMI, Examples.HELUXIMORA, Examples.SCHOOL}) {
            for (Lang lang : Lang.values()) {
                Rendering r = Examples.LIBRARY.render(Examples.values(file), lang);
                assertThat(r.html()).doesNotContain("{{", "}}").contains("<html lang=\"" + lang.code() + "\">");
                assertThat(r.policy().sections()).hasSizeGreaterThanOrEqualTo(13);
            }
        }
    }

    @Test
    void theAgeOfDigitalConsentFollowsTheTenantsCountry() {
        var school = Examples.values(Examples.SCHOOL);
        assertThat(Examples.LIBRARY.render(school, Lang.FR).markdown()).contains("l’âge du consentement numérique est de 13 ans");
        assertThat(Examples.LIBRARY.render(school.withValue("controller.country", "DE")
                .withValue("authority.name", "BfDI").withValue("authority.url", "https://www.bfdi.bund.de"), Lang.EN).markdown())
                .contains("In Germany, the age of digital consent is 16.");
        assertThat(Examples.LIBRARY.render(school.withValue("consent.age.override", "15"), Lang.EN).markdown())
                .contains("the age of digital consent is 15");
    }

    @Test
    void theCountryIsNamedWithItsOwnFrenchPreposition() {
        var school = Examples.values(Examples.SCHOOL);
        assertThat(Examples.LIBRARY.render(school, Lang.FR).markdown()).contains("En Belgique, l’âge du consentement numérique est de 13 ans.");
        assertThat(Examples.LIBRARY.render(school.withValue("controller.country", "LU"), Lang.FR).markdown())
                .contains("Au Luxembourg, l’âge du consentement numérique est de 16 ans.");
        assertThat(Examples.LIBRARY.render(school.withValue("controller.country", "NL"), Lang.FR).markdown())
                .contains("Aux Pays-Bas, l’âge du consentement numérique est de 16 ans.");
        assertThat(Examples.LIBRARY.render(school.withValue("controller.country", "NL"), Lang.EN).markdown())
                .contains("In the Netherlands, the age of digital consent is 16.");
        assertThat(Examples.LIBRARY.render(school.withValue("controller.country", "MT")
                .withValue("authority.name", "IDPC").withValue("authority.url", "https://idpc.org.mt"), Lang.FR).markdown())
                .contains("À Malte, l’âge du consentement numérique est de 13 ans.");
    }

    @Test
    void optionalAndAlternativeClausesChangeTheText() {
        var hemi = Examples.values(Examples.HEMI);
        assertThat(Examples.LIBRARY.render(hemi, Lang.EN).markdown()).contains("public task of higher education");
        assertThat(Examples.LIBRARY.render(hemi.withClause("core-basis", "contract"), Lang.EN).markdown())
                .contains("performance of the study contract").doesNotContain("public task of higher education");
        assertThat(Examples.LIBRARY.render(hemi.withClause("marketing", "off"), Lang.FR).markdown()).doesNotContain("annonces académiques");
    }

    @Test
    void freeTextIsAppendedToItsSection() {
        var values = Examples.values(Examples.HEMI).withFreeText("security", "Nos serveurs sont **certifiés** HDS.");
        var section = Examples.LIBRARY.render(values, Lang.FR).policy().sections().stream()
                .filter(s -> s.id().equals("security")).findFirst().orElseThrow();
        assertThat(section.markdown()).endsWith("Nos serveurs sont **certifiés** HDS.\n\n");
    }
}
