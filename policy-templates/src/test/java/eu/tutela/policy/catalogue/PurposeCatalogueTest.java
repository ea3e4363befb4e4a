package eu.tutela.policy.catalogue;

import eu.tutela.policy.LawfulBasis;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A template's purposes are checked when the catalogue loads: the portal seeds tenants' purposes and the
 * consents it asks for from them. Each test loads the real catalogue with school-minors/template.yaml edited.
 */
class PurposeCatalogueTest {

    private static final String FILE = "school-minors/template.yaml";

    @Test
    void theShippedPurposesLoadWithTheirBasisPerOption() {
        PolicyTemplate school = Catalogue.load().find("school-minors").orElseThrow();
        PurposeDefinition schooling = school.purposes().getFirst();
        assertThat(schooling.id()).isEqualTo("schooling");
        assertThat(schooling.basis()).isEqualTo(new PurposeBasis.ByClause("core-basis",
                Map.of("public-task", LawfulBasis.E, "contract", LawfulBasis.B)));
        PurposeDefinition photos = purpose(school, "photos");
        assertThat(photos.basis()).isEqualTo(new PurposeBasis.Fixed(LawfulBasis.A));
        assertThat(photos.consent()).isTrue();
        assertThat(photos.defaultOn()).isFalse();
        assertThat(photos.when()).isEqualTo("photos");
    }

    @Test
    void aSectionTheTemplateDoesNotHaveFailsLoading() {
        assertFails(edit("photos", p -> p.put("section", "pictures")),
                "school-minors/template.yaml purpose photos: unknown section pictures (sections of school-minors: controller, "
                        + "data-provided, data-automatic, purposes, recipients, transfers, retention, security, rights, "
                        + "identity-check, minors, contact-marketing, updates, dpo-authority)");
    }

    @Test
    void whenMustNameAnOptionalClauseOfTheTemplate() {
        assertFails(edit("photos", p -> p.put("when", "selfies")),
                "school-minors/template.yaml purpose photos: when on unknown clause selfies");
        assertFails(edit("photos", p -> p.put("when", "core-basis")),
                "school-minors/template.yaml purpose photos: when must name an optional clause; core-basis is an alternative");
    }

    @Test
    void theBasisMustBeALetterOfArticle6() {
        assertFails(edit("schooling", p -> p.put("basis", "g")),
                "school-minors/template.yaml purpose schooling: basis 'g' is not one of a, b, c, d, e, f (GDPR Art. 6(1))");
        assertFails(edit("schooling", p -> p.remove("basis")),
                "school-minors/template.yaml purpose schooling: 'basis' is missing");
    }

    @Test
    void aBasisByOptionMustCoverEveryOptionOfAnAlternativeClause() {
        assertFails(edit("schooling", p -> p.put("basis", basisMap("core-basis", "public-task", "e"))),
                "school-minors/template.yaml purpose schooling: basis gives no letter for option contract of clause core-basis");
        assertFails(edit("schooling", p -> p.put("basis", basisMap("core-basis", "public-task", "e", "contract", "b", "charity", "f"))),
                "school-minors/template.yaml purpose schooling: clause core-basis has no option charity");
        assertFails(edit("schooling", p -> p.put("basis", basisMap("core-basis", "public-task", "e", "contract", "x"))),
                "school-minors/template.yaml purpose schooling: basis 'x' is not one of a, b, c, d, e, f (GDPR Art. 6(1))");
        assertFails(edit("schooling", p -> p.put("basis", basisMap("funding", "public-task", "e"))),
                "school-minors/template.yaml purpose schooling: basis depends on unknown clause funding");
        assertFails(edit("schooling", p -> p.put("basis", basisMap("photos", "on", "e", "off", "e"))),
                "school-minors/template.yaml purpose schooling: basis depends on clause photos, which is not an alternative");
    }

    @Test
    void consentIsRequiredExactlyWhenTheBasisIsConsent() {
        assertFails(edit("education-authorities", p -> p.put("consent", true)),
                "school-minors/template.yaml purpose education-authorities: consent is true but the basis is 6(1)(c): "
                        + "a purpose needs consent exactly when its basis is 6(1)(a)");
        assertFails(edit("photos", p -> p.put("consent", false)),
                "school-minors/template.yaml purpose photos: consent is false but the basis is 6(1)(a): "
                        + "a purpose needs consent exactly when its basis is 6(1)(a)");
        assertFails(edit("schooling", p -> p.put("basis", basisMap("core-basis", "public-task", "e", "contract", "a"))),
                "school-minors/template.yaml purpose schooling: consent is false but the basis is 6(1)(a): "
                        + "a purpose needs consent exactly when its basis is 6(1)(a)");
        assertFails(edit("photos", p -> p.remove("consent")),
                "school-minors/template.yaml purpose photos: 'consent' must be true or false");
    }

    @Test
    void aConsentPurposeDefaultsOffAndOnlyIt() {
        assertFails(edit("photos", p -> p.put("default", true)),
                "school-minors/template.yaml purpose photos: a consent purpose must default to off (consent is opt-in, GDPR Art. 7 and Recital 32)");
        assertFails(edit("schooling", p -> p.put("default", false)),
                "school-minors/template.yaml purpose schooling: only a consent purpose can default to off; "
                        + "this one's basis does not depend on anyone agreeing");
        assertFails(edit("photos", p -> p.put("default", "maybe")),
                "school-minors/template.yaml purpose photos: default must be on or off, not maybe");
        PolicyTemplate withoutDefault = Catalogue.load(EditedCatalogue.withFile(FILE, edit("photos", p -> p.remove("default"))))
                .find("school-minors").orElseThrow();
        assertThat(purpose(withoutDefault, "photos").defaultOn()).isFalse();
        assertThat(purpose(withoutDefault, "schooling").defaultOn()).isTrue();
    }

    @Test
    void everyPurposeHasANameAndADescriptionInEveryLanguage() {
        assertFails(edit("photos", p -> p.put("name", Map.of("fr", "Photos"))),
                "school-minors/template.yaml purpose photos: no name in en");
        assertFails(edit("photos", p -> p.put("description", Map.of("fr", " ", "en", "Photos."))),
                "school-minors/template.yaml purpose photos: no description in fr");
        assertFails(edit("photos", p -> p.remove("name")),
                "school-minors/template.yaml purpose photos: no name in fr");
    }

    @Test
    void idsAreKebabCaseAndUnique() {
        assertFails(document -> {
            List<Object> purposes = purposes(document);
            purposes.add(purposes.getFirst());
        },
                "school-minors/template.yaml purpose schooling: duplicate id");
        assertFails(edit("photos", p -> p.put("id", "Photos")),
                "school-minors/template.yaml purpose Photos: the id must be kebab-case (lower-case words joined by '-')");
        assertThatThrownBy(() -> Catalogue.load(EditedCatalogue.withFile(FILE, edit("photos", p -> p.remove("id")))))
                .isInstanceOf(CatalogueException.class)
                .hasMessageStartingWith("school-minors/template.yaml: a purpose has no id: {");
    }

    @Test
    void aMisspelledKeyOrAMissingListFailsLoading() {
        assertFails(edit("photos", p -> p.put("sectoin", "purposes")),
                "school-minors/template.yaml purpose photos: unknown key 'sectoin' "
                        + "(known: basis, consent, default, description, id, name, section, when)");
        assertFails(document -> document.remove("purposes"), "school-minors/template.yaml: 'purposes' must be a list");
    }

    private static void assertFails(Consumer<Map<String, Object>> edit, String message) {
        assertThatThrownBy(() -> Catalogue.load(EditedCatalogue.withFile(FILE, edit)))
                .isInstanceOf(CatalogueException.class)
                .hasMessage(message);
    }

    /** An edit of the purpose with this id in the loaded template.yaml. */
    private static Consumer<Map<String, Object>> edit(String id, Consumer<Map<String, Object>> change) {
        return document -> change.accept(purposes(document).stream().map(CatalogueLoader::asMap)
                .filter(p -> id.equals(p.get("id"))).findFirst().orElseThrow());
    }

    @SuppressWarnings("unchecked")
    private static List<Object> purposes(Map<String, Object> document) {
        List<Object> purposes = new ArrayList<>((List<Object>) document.get("purposes"));
        document.put("purposes", purposes);
        return purposes;
    }

    private static Map<String, Object> basisMap(String clause, String... optionsAndLetters) {
        Map<String, Object> basis = new LinkedHashMap<>();
        basis.put("clause", clause);
        for (int i = 0; i < optionsAndLetters.length; i += 2) {
            basis.put(optionsAndLetters[i], optionsAndLetters[i + 1]);
        }
        return basis;
    }

    private static PurposeDefinition purpose(PolicyTemplate template, String id) {
        return template.purposes().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }
}
