package eu.tutela.policy.catalogue;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A pupil text is checked when the catalogue loads, like the full text: every section in every language,
 * known placeholders and conditions. Each test loads the real catalogue with one pupil file edited.
 */
class PupilTextCatalogueTest {

    private static final String FR = "school-minors/pupil-fr.yaml";
    private static final String EN = "school-minors/pupil-en.yaml";

    @Test
    void theShippedCatalogueLoads() {
        Catalogue catalogue = Catalogue.load(withFile(EN, document -> { }));
        assertThat(catalogue.find("school-minors").orElseThrow().hasPupilText()).isTrue();
        assertThat(catalogue.find("higher-education").orElseThrow().hasPupilText()).isFalse();
    }

    @Test
    void aSectionWithoutPupilTextFailsLoadingAndNamesIt() {
        assertThatThrownBy(() -> Catalogue.load(withFile(EN, document -> sections(document).remove("retention"))))
                .isInstanceOf(CatalogueException.class)
                .hasMessage("school-minors/pupil-en.yaml section retention: no pupil text");
        assertThatThrownBy(() -> Catalogue.load(withFile(FR, document -> sections(document).remove("dpo-authority"))))
                .hasMessage("school-minors/pupil-fr.yaml section dpo-authority: no pupil text");
    }

    @Test
    void aPupilTextInOneLanguageOnlyFailsLoading() {
        assertThatThrownBy(() -> Catalogue.load(withFile(FR, null)))
                .isInstanceOf(CatalogueException.class)
                .hasMessage("school-minors/pupil-fr.yaml is missing: a template with pupil text has it in every language");
    }

    @Test
    void placeholdersConditionsAndSectionIdsAreChecked() {
        assertThatThrownBy(() -> Catalogue.load(withFile(FR, document -> blocks(document, "controller").add(Map.of("p", "Écris à {{dpo.mail}}.")))))
                .hasMessage("school-minors/pupil-fr.yaml section controller: unknown placeholder {{dpo.mail}}");
        assertThatThrownBy(() -> Catalogue.load(withFile(EN, document -> blocks(document, "purposes").add(Map.of("when", "selfies", "p", "Smile!")))))
                .hasMessage("school-minors/pupil-en.yaml section purposes: condition on unknown clause selfies");
        assertThatThrownBy(() -> Catalogue.load(withFile(EN, document -> sections(document).put("retension", sections(document).get("retention")))))
                .hasMessage("school-minors/pupil-en.yaml section retension: not a section of school-minors");
    }

    private static ClassLoader withFile(String file, Consumer<Map<String, Object>> edit) {
        return EditedCatalogue.withFile(file, edit);
    }

    private static Map<String, Object> sections(Map<String, Object> document) {
        return CatalogueLoader.asMap(document.get("sections"));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> blocks(Map<String, Object> document, String section) {
        Map<String, Object> body = CatalogueLoader.asMap(sections(document).get(section));
        List<Object> blocks = new ArrayList<>((List<Object>) body.get("blocks"));
        body.put("blocks", blocks);
        return blocks;
    }
}
