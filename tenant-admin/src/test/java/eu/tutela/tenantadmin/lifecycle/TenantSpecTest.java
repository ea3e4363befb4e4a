package eu.tutela.tenantadmin.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantSpecTest {

    private static TenantSpec spec(String slug, String country, String zone, String admin) {
        return new TenantSpec(slug, "Lycée Victor Hugo", country, List.of("fr", "en"), zone, null, admin);
    }

    private static List<SpecProblem> problems(String slug, String name, String country, List<String> languages, String zone,
            String dpo, String admin) {
        return TenantSpec.problems(slug, name, country, languages, zone, dpo, admin);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "lycee-victor-hugo", "ecole42", "a1", "x-y-z", "0123456789012345678901234567890123456789"})
    void acceptsValidSlugs(String slug) {
        assertThat(spec(slug, "FR", "Europe/Paris", "a@b.fr").slug()).isEqualTo(slug);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "Ecole", "école", "-abc", "abc-", "a_b", "a b", "a--b", "a.b",
            "01234567890123456789012345678901234567890"})
    void refusesInvalidSlugsNamingTheField(String slug) {
        assertThatThrownBy(() -> spec(slug, "FR", "Europe/Paris", "a@b.fr"))
                .isInstanceOfSatisfying(LifecycleException.class, e -> {
                    assertThat(e.reason()).isEqualTo(LifecycleException.Reason.INVALID);
                    assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("slug"));
                });
    }

    @Test
    void normalisesCountryNameAndAddresses() {
        TenantSpec spec = new TenantSpec("lycee", "  Lycée Victor Hugo ", "fr", List.of("fr"), " Europe/Paris ",
                " DPO@Lycee.FR ", "Admin@Lycee.fr ");
        assertThat(spec.countryCode()).isEqualTo("FR");
        assertThat(spec.displayName()).isEqualTo("Lycée Victor Hugo");
        assertThat(spec.timeZone()).isEqualTo("Europe/Paris");
        assertThat(spec.dpoEmail()).isEqualTo("dpo@lycee.fr");
        assertThat(spec.firstAdminEmail()).isEqualTo("admin@lycee.fr");
        assertThat(spec.defaultLanguage()).isEqualTo("fr");
    }

    @Test
    void listsEveryProblemAtOnceWithItsCode() {
        assertThat(problems("A b", " ", "ZZ", List.of("de"), "Mars/Base", "dpo@", "not an address"))
                .extracting(SpecProblem::code)
                .containsExactly("slug.characters", "displayName.empty", "country.unknown", "languages.unknown",
                        "timeZone.unknown", "email.invalid", "email.invalid");
        assertThat(problems("lycee", "Lycée", "FR", List.of(), "", null, ""))
                .extracting(SpecProblem::code).containsExactly("languages.empty", "timeZone.empty", "email.empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "FRA", "F", "UK", "EU", "12"})
    void refusesWhatIsNotAnIsoAlpha2Country(String country) {
        assertThat(problems("lycee", "Lycée", country, List.of("fr"), "Europe/Paris", null, "a@b.fr"))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("ISO 3166-1 alpha-2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+02:00", "CET", "GMT+1", "Europe/Atlantis"})
    void refusesZonesThatAreNotRegions(String zone) {
        assertThat(problems("lycee", "Lycée", "FR", List.of("fr"), zone, null, "a@b.fr"))
                .extracting(SpecProblem::field).containsExactly("timeZone");
    }

    @Test
    void refusesRepeatedOrUnknownLanguagesAndTooLongNames() {
        assertThat(problems("lycee", "x".repeat(201), "FR", List.of("fr", "fr"), "UTC", null, "a@b.fr"))
                .extracting(SpecProblem::code).containsExactly("displayName.length", "languages.unknown");
        assertThat(problems("lycee", "x".repeat(200), "FR", List.of("en", "fr"), "UTC", null, "a@b.fr")).isEmpty();
    }
}
