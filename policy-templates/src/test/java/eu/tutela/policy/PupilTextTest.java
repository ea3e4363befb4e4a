package eu.tutela.policy;

import eu.tutela.policy.catalogue.SectionDefinition;
import eu.tutela.policy.render.RenderedSection;
import eu.tutela.policy.variables.PolicyValues;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The version for pupils (GDPR Art. 12(1), Recital 58): school-minors has one in both languages, with
 * every section of the full policy, following the tenant's values and clauses; the other templates have none.
 */
class PupilTextTest {

    private final PolicyValues school = Examples.values(Examples.SCHOOL);

    @Test
    void schoolMinorsHasAPupilTextWithEverySectionInBothLanguages() {
        assertThat(Examples.LIBRARY.hasPupilText("school-minors")).isTrue();
        List<String> sectionIds = Examples.LIBRARY.template("school-minors").sections().stream().map(SectionDefinition::id).toList();
        assertThat(sectionIds).hasSize(14);
        for (Lang lang : Lang.values()) {
            Rendering full = Examples.LIBRARY.render(school, lang);
            Rendering pupil = Examples.LIBRARY.renderForPupils(school, lang).orElseThrow();
            assertThat(pupil.policy().sections()).extracting(RenderedSection::id).containsExactlyElementsOf(sectionIds);
            assertThat(full.policy().sections()).extracting(RenderedSection::id).containsExactlyElementsOf(sectionIds);
            assertThat(pupil.policy().sections()).extracting(RenderedSection::topic)
                    .containsExactlyElementsOf(full.policy().sections().stream().map(RenderedSection::topic).toList());
            assertThat(pupil.html()).doesNotContain("{{", "}}").contains("<html lang=\"" + lang.code() + "\">", "<section id=\"rights\"");
            assertThat(pupil.policy().version()).isEqualTo(full.policy().version());
            assertThat(pupil.policy().dateText()).isEqualTo(full.policy().dateText());
            assertThat(pupil.policy().controllerName()).isEqualTo("Athénée royal des Marronniers");
            assertThat(pupil.contentHash()).isNotEqualTo(full.contentHash()).isEqualTo(PolicyTemplates.sha256(pupil.html()));
        }
    }

    @Test
    void theValuesAreSubstitutedInFrench() {
        Rendering pupil = Examples.LIBRARY.renderForPupils(school, Lang.FR).orElseThrow();
        assertThat(pupil.policy().title()).isEqualTo("Tes données personnelles à l’école, expliquées simplement");
        assertThat(pupil.markdown()).contains(
                "# Tes données personnelles à l’école, expliquées simplement",
                "Version 1.2 du 25 août 2026",
                "## 1. Qui s’occupe de tes données ?",
                "Ton école, Athénée royal des Marronniers, est responsable de tes données.",
                "[dpo@athenee-marronniers.example](mailto:dpo@athenee-marronniers.example)",
                "En Belgique, l’âge du consentement numérique est de 13 ans.",
                "si tu as moins de 13 ans. À partir de 13 ans, c’est toi qui dis oui ou non",
                "puis encore 1 an après ton départ",
                "est gardée 6 mois.",
                "Elle le fait par e-mail, SMS ou courrier postal.",
                "Écris à [secretariat@athenee-marronniers.example](mailto:secretariat@athenee-marronniers.example).",
                "Tu peux aussi appeler le +32 2 000 00 00.",
                "demande à un de tes parents",
                "**Voir**", "**Corriger**", "**Effacer**", "**Mettre en pause**", "**Emporter une copie**", "**Dire non**", "**Changer d’avis**",
                "Autorité de protection des données");
    }

    @Test
    void theValuesAreSubstitutedInEnglish() {
        Rendering pupil = Examples.LIBRARY.renderForPupils(school, Lang.EN).orElseThrow();
        assertThat(pupil.policy().title()).isEqualTo("Your personal data at school, explained simply");
        assertThat(pupil.markdown()).contains(
                "Version 1.2 of 25 August 2026",
                "## 1. Who looks after your data?",
                "[dpo@athenee-marronniers.example](mailto:dpo@athenee-marronniers.example)",
                "In Belgium, the age of digital consent is 13.",
                "your parents give it if you are under 13. From the age of 13, you say yes or no yourself",
                "then for 1 year after you leave",
                "is kept for 6 months.",
                "It does so by e-mail, SMS, or post.",
                "ask one of your parents",
                "**See**", "**Correct**", "**Delete**", "**Pause**", "**Take a copy away**", "**Say no**", "**Change your mind**");
    }

    @Test
    void theAgeOfDigitalConsentFollowsTheCountry() {
        assertThat(pupilMarkdown(school.withValue("controller.country", "LU"), Lang.FR))
                .contains("Au Luxembourg, l’âge du consentement numérique est de 16 ans.", "À partir de 16 ans");
        assertThat(pupilMarkdown(school.withValue("controller.country", "FR"), Lang.EN))
                .contains("In France, the age of digital consent is 15.", "From the age of 15,");
        assertThat(pupilMarkdown(school.withValue("consent.age.override", "14"), Lang.FR))
                .contains("l’âge du consentement numérique est de 14 ans");
    }

    @Test
    void photosAndCanteenOnlyWithTheirClauses() {
        for (Lang lang : Lang.values()) {
            String on = pupilMarkdown(school, lang).toLowerCase(Locale.ROOT);
            String off = pupilMarkdown(school.withClause("photos", "off").withClause("canteen", "off"), lang).toLowerCase(Locale.ROOT);
            assertThat(on).contains("photos", lang == Lang.FR ? "cantine" : "school meals");
            assertThat(off).doesNotContain("photo", "vidéo", "video", "cantine", "meals");
        }
        assertThat(pupilMarkdown(school, Lang.FR)).contains("Seulement si tes parents ont donné leur accord par écrit.");
    }

    @Test
    void namedProcessorsAndTransfersOutsideTheEeaAreNamed() {
        assertThat(section(school, Lang.FR, "transfers")).contains("Tes données restent dans ces pays.");
        PolicyValues withProcessors = school.withValue("processors", List.of(
                Map.of("name", "Scaleway", "category", "HOSTING", "country", "FR"),
                Map.of("name", "Google Workspace for Education", "category", "COMMUNICATION", "country", "US",
                        "safeguard", "STANDARD_CONTRACTUAL_CLAUSES")));
        assertThat(section(withProcessors, Lang.FR, "recipients")).contains("### Leurs noms", "- Scaleway (France)",
                "- Google Workspace for Education (États-Unis)");
        assertThat(section(withProcessors, Lang.FR, "transfers")).doesNotContain("Tes données restent", "Scaleway")
                .contains("Certaines entreprises qui aident l’école sont dans d’autres pays.",
                        "- Google Workspace for Education (États-Unis)", "mailto:dpo@athenee-marronniers.example");
        assertThat(section(withProcessors, Lang.EN, "transfers")).contains("- Google Workspace for Education (United States)");
    }

    @Test
    void theDposNameWhenGiven() {
        assertThat(section(school, Lang.FR, "dpo-authority")).doesNotContain("C’est ");
        assertThat(section(school.withValue("dpo.name", "Claire Martin"), Lang.FR, "dpo-authority")).contains("C’est Claire Martin.");
        assertThat(section(school.withValue("dpo.name", "Claire Martin"), Lang.EN, "dpo-authority")).contains("This is Claire Martin.");
    }

    @Test
    void theTenantsFreeTextStaysInTheFullPolicy() {
        PolicyValues values = school.withFreeText("security", "Nos serveurs sont certifiés HDS.");
        assertThat(Examples.LIBRARY.render(values, Lang.FR).markdown()).contains("certifiés HDS");
        assertThat(pupilMarkdown(values, Lang.FR)).doesNotContain("HDS");
    }

    @Test
    void otherTemplatesHaveNoPupilText() {
        assertThat(Examples.LIBRARY.hasPupilText("higher-education")).isFalse();
        assertThat(Examples.LIBRARY.hasPupilText("online-learning")).isFalse();
        for (Lang lang : Lang.values()) {
            assertThat(Examples.LIBRARY.renderForPupils(Examples.values(Examples.HEMI), lang)).isEmpty();
            assertThat(Examples.LIBRARY.renderForPupils(Examples.values(Examples.HELUXIMORA), lang)).isEmpty();
        }
    }

    @Test
    void invalidValuesAreRefusedAsByRender() {
        assertThatThrownBy(() -> Examples.LIBRARY.renderForPupils(school.withValue("dpo.email", null), Lang.FR))
                .isInstanceOf(PolicyValidationException.class)
                .satisfies(e -> assertThat(((PolicyValidationException) e).problems()).extracting(p -> p.subject()).contains("dpo.email"));
        PolicyValues unknown = new PolicyValues("kindergarten", "1", "2026-09-01", school.values(), Map.of(), Map.of());
        assertThatThrownBy(() -> Examples.LIBRARY.renderForPupils(unknown, Lang.FR)).isInstanceOf(PolicyValidationException.class);
        assertThatThrownBy(() -> Examples.LIBRARY.hasPupilText("kindergarten")).isInstanceOf(PolicyValidationException.class);
    }

    @Test
    void thePdfCarriesThePupilTitle() throws IOException {
        Rendering pupil = Examples.LIBRARY.renderForPupils(school, Lang.FR).orElseThrow();
        try (PDDocument pdf = Loader.loadPDF(pupil.pdf())) {
            assertThat(pdf.getDocumentInformation().getTitle()).contains("Tes données personnelles à l’école, expliquées simplement");
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("fr");
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Qui s’occupe de tes données ?", "Version 1.2 du 25 août 2026", "Tes droits");
        }
    }

    private static String pupilMarkdown(PolicyValues values, Lang lang) {
        return Examples.LIBRARY.renderForPupils(values, lang).orElseThrow().markdown();
    }

    private static String section(PolicyValues values, Lang lang, String id) {
        return Examples.LIBRARY.renderForPupils(values, lang).orElseThrow().policy().sections().stream()
                .filter(s -> s.id().equals(id)).findFirst().orElseThrow().markdown();
    }
}
