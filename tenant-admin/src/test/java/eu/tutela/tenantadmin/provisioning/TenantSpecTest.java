package eu.tutela.tenantadmin.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantSpecTest {

    @ParameterizedTest
    @ValueSource(strings = {"ab", "lycee-victor-hugo", "ecole42", "a1", "x-y-z", "0123456789012345678901234567890123456789"})
    void acceptsValidSlugs(String slug) {
        assertThat(new TenantSpec(slug, "School", "FR").slug()).isEqualTo(slug);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "Ecole", "école", "-abc", "abc-", "a_b", "a b", "a--b", "a.b",
            "01234567890123456789012345678901234567890"})
    void rejectsInvalidSlugsNamingTheField(String slug) {
        assertThatThrownBy(() -> new TenantSpec(slug, "School", "FR"))
                .isInstanceOf(InvalidTenantSpecException.class)
                .hasMessageContaining("slug '" + slug + "'");
    }

    @Test
    void rejectsEmptySlug() {
        assertThatThrownBy(() -> new TenantSpec("", "School", "FR")).hasMessageContaining("slug: must not be empty");
        assertThatThrownBy(() -> new TenantSpec(null, "School", "FR")).hasMessageContaining("slug: must not be empty");
    }

    @Test
    void upperCasesAValidCountryAndStripsTheName() {
        TenantSpec spec = new TenantSpec("lycee", "  Lycée Victor Hugo ", "fr");
        assertThat(spec.countryCode()).isEqualTo("FR");
        assertThat(spec.displayName()).isEqualTo("Lycée Victor Hugo");
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "FRA", "F", "UK", "EU", "12"})
    void rejectsWhatIsNotAnIsoAlpha2Country(String country) {
        assertThatThrownBy(() -> new TenantSpec("lycee", "School", country))
                .isInstanceOf(InvalidTenantSpecException.class)
                .hasMessageContaining("countryCode '" + country + "'")
                .hasMessageContaining("ISO 3166-1 alpha-2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"BE", "DE", "GB", "CH", "LU", "CA"})
    void acceptsIsoCountries(String country) {
        assertThat(new TenantSpec("lycee", "School", country).countryCode()).isEqualTo(country);
    }

    @Test
    void listsEveryProblemAtOnce() {
        assertThat(TenantSpec.problems("A", " ", "ZZ"))
                .hasSize(3)
                .anySatisfy(p -> assertThat(p).startsWith("slug"))
                .anySatisfy(p -> assertThat(p).startsWith("displayName"))
                .anySatisfy(p -> assertThat(p).startsWith("countryCode"));
        assertThatThrownBy(() -> new TenantSpec("A", " ", "ZZ"))
                .isInstanceOfSatisfying(InvalidTenantSpecException.class, e -> assertThat(e.problems()).hasSize(3));
    }

    @Test
    void rejectsTooLongDisplayName() {
        assertThat(TenantSpec.problems("lycee", "x".repeat(201), "FR")).singleElement().asString()
                .contains("displayName").contains("200");
        assertThat(TenantSpec.problems("lycee", "x".repeat(200), "FR")).isEmpty();
    }
}
