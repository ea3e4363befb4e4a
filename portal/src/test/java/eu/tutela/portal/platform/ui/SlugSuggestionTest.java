package eu.tutela.portal.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import eu.tutela.tenantadmin.lifecycle.TenantSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlugSuggestionTest {

    @Test
    void anInstitutionsNameBecomesAValidIdentifier() {
        assertThat(NewInstitutionDialog.suggestSlug("Lycée Victor Hugo")).isEqualTo("lycee-victor-hugo");
        assertThat(NewInstitutionDialog.suggestSlug("  École d'Art & de Design — Saint-Étienne ")).isEqualTo("ecole-d-art-de-design-saint-etienne");
        assertThat(NewInstitutionDialog.suggestSlug("<script>alert(1)</script>")).isEqualTo("script-alert-1-script");
        assertThat(NewInstitutionDialog.suggestSlug("")).isEmpty();
        assertThat(NewInstitutionDialog.suggestSlug(null)).isEmpty();
    }

    @Test
    void aLongNameIsCutWithinTheLimitWithoutATrailingHyphen() {
        String slug = NewInstitutionDialog.suggestSlug("Haute École des Mines et de l'Industrie de la Région Grand Est");
        assertThat(slug).hasSizeLessThanOrEqualTo(TenantSpec.SLUG_MAX_LENGTH).doesNotEndWith("-");
        assertThat(TenantSpec.problems(slug, "x", "FR", List.of("fr"), "Europe/Paris", null, "a@b.fr")).isEmpty();
    }
}
