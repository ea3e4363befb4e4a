package eu.tutela.policy.catalogue;

import eu.tutela.policy.Lang;
import eu.tutela.policy.variables.Channel;
import eu.tutela.policy.variables.Countries;
import eu.tutela.policy.variables.DurationValue;
import eu.tutela.policy.variables.RecipientCategory;
import eu.tutela.policy.variables.TransferSafeguard;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The words of labels/fr.yaml and labels/en.yaml: complete in both languages, checked when loaded. */
class LabelsTest {

    private final Labels labels = Labels.get();

    @Test
    void everyCodeHasALabelInBothLanguages() {
        for (Lang lang : Lang.values()) {
            Stream.of(Channel.values(), RecipientCategory.values(), TransferSafeguard.values()).flatMap(Stream::of)
                    .forEach(code -> assertThat(labels.label(code, lang)).as("%s in %s", code, lang).isNotBlank());
            for (DurationValue.Unit unit : DurationValue.Unit.values()) {
                assertThat(labels.unit(unit, true, lang)).isNotBlank();
                assertThat(labels.unit(unit, false, lang)).isNotBlank();
            }
            for (String country : Labels.requiredCountries()) {
                assertThat(labels.countryIn(country, lang)).as("%s in %s", country, lang).doesNotContain("(");
            }
        }
        assertThat(labels.label(Channel.IN_APP, Lang.FR)).isEqualTo("messagerie de la plateforme");
        assertThat(labels.label(TransferSafeguard.BINDING_CORPORATE_RULES, Lang.EN)).isEqualTo("binding corporate rules (Art. 47 GDPR)");
        assertThat(labels.duration(new DurationValue(1, DurationValue.Unit.YEAR), Lang.FR)).isEqualTo("1 an");
        assertThat(labels.duration(new DurationValue(13, DurationValue.Unit.MONTH), Lang.EN)).isEqualTo("13 months");
    }

    @Test
    void theEeaSwitzerlandAndTheUnitedKingdomAreRequired() {
        assertThat(Labels.requiredCountries()).hasSize(32).containsAll(Countries.eea()).contains("CH", "GB", "NO", "LI", "IS");
    }

    @Test
    void frenchSaysAuLuxembourgAuxPaysBasAMalte() {
        assertThat(labels.countryIn("LU", Lang.FR)).isEqualTo("au Luxembourg");
        assertThat(labels.countryIn("NL", Lang.FR)).isEqualTo("aux Pays-Bas");
        assertThat(labels.countryIn("MT", Lang.FR)).isEqualTo("à Malte");
        assertThat(labels.countryIn("PT", Lang.FR)).isEqualTo("au Portugal");
        assertThat(labels.countryIn("FR", Lang.FR)).isEqualTo("en France");
        assertThat(labels.countryIn("BE", Lang.FR)).isEqualTo("en Belgique");
        assertThat(labels.countryIn("DK", Lang.FR)).isEqualTo("au Danemark");
        assertThat(labels.countryIn("NO", Lang.FR)).isEqualTo("en Norvège");
        assertThat(labels.countryIn("NL", Lang.EN)).isEqualTo("in the Netherlands");
        assertThat(labels.countryIn("LU", Lang.EN)).isEqualTo("in Luxembourg");
        // A country without its own phrase gets a neutral one, still correct French.
        assertThat(labels.countryIn("US", Lang.FR)).isEqualTo("dans le pays de l’établissement (États-Unis)");
    }

    @Test
    void aMissingLabelFailsLoadingAndNamesTheKey() {
        Map<Lang, Map<String, Object>> documents = documents();
        section(documents.get(Lang.EN), "channels").remove("WHATSAPP");
        assertThatThrownBy(() -> Labels.parse(documents)).isInstanceOf(CatalogueException.class)
                .hasMessage("labels/en.yaml: channels.WHATSAPP is missing");

        Map<Lang, Map<String, Object>> noUnit = documents();
        section(noUnit.get(Lang.FR), "duration-units").remove("WEEK");
        assertThatThrownBy(() -> Labels.parse(noUnit)).hasMessage("labels/fr.yaml: duration-units.WEEK is missing");

        Map<Lang, Map<String, Object>> noCountry = documents();
        section(noCountry.get(Lang.FR), "country-in").remove("MT");
        assertThatThrownBy(() -> Labels.parse(noCountry)).hasMessage("labels/fr.yaml: country-in.MT is missing");

        Map<Lang, Map<String, Object>> noWord = documents();
        section(noWord.get(Lang.EN), "words").remove("or");
        assertThatThrownBy(() -> Labels.parse(noWord)).hasMessage("labels/en.yaml: words.or is missing");
    }

    @Test
    void aLabelForACodeThatDoesNotExistIsATypo() {
        Map<Lang, Map<String, Object>> documents = documents();
        section(documents.get(Lang.FR), "recipient-categories").put("HOSTNIG", "hébergement");
        assertThatThrownBy(() -> Labels.parse(documents)).hasMessageStartingWith(
                "labels/fr.yaml: recipient-categories.HOSTNIG is not a RecipientCategory code");
    }

    /** The real labels files, as mutable maps. */
    private static Map<Lang, Map<String, Object>> documents() {
        Map<Lang, Map<String, Object>> documents = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) {
            Map<String, Object> doc = new LinkedHashMap<>(CatalogueLoader.yaml(LabelsTest.class.getClassLoader(),
                    Labels.ROOT + lang.code() + ".yaml"));
            doc.replaceAll((k, v) -> v instanceof Map<?, ?> m ? new LinkedHashMap<>(m) : v);
            documents.put(lang, doc);
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> doc, String key) {
        return (Map<String, Object>) doc.get(key);
    }
}
