package eu.tutela.policy;

import eu.tutela.policy.variables.PolicyValues;
import eu.tutela.policy.variables.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each bad input of the issue gives a problem naming the variable or section, in French and in English. */
class ValidationTest {

    private static final PolicyValues GOOD = Examples.values(Examples.HEMI);

    private static List<Problem> problems(PolicyValues values) {
        return Examples.LIBRARY.validate(values);
    }

    @Test
    void theSeedValuesAreValid() {
        assertThat(problems(GOOD)).isEmpty();
        assertThat(problems(Examples.values(Examples.HELUXIMORA))).isEmpty();
        assertThat(problems(Examples.values(Examples.SCHOOL))).isEmpty();
    }

    @Test
    void aMissingRequiredVariableIsNamed() {
        Problem p = single(GOOD.withValue("dpo.email", null));
        assertThat(p.subject()).isEqualTo("dpo.email");
        assertThat(p.message(Lang.FR)).isEqualTo("La variable « dpo.email » (E-mail du délégué à la protection des données) est obligatoire et n’est pas renseignée.");
        assertThat(p.message(Lang.EN)).isEqualTo("Variable \"dpo.email\" (Data protection officer’s e-mail) is required but missing.");
    }

    @Test
    void anEmailThatIsNotOne() {
        Problem p = single(GOOD.withValue("contact.email", "contact-at-hemi"));
        assertThat(p.message(Lang.FR)).isEqualTo("Variable « contact.email » (Adresse e-mail de contact) : « contact-at-hemi » n’est pas une adresse e-mail valide.");
        assertThat(p.message(Lang.EN)).isEqualTo("Variable \"contact.email\" (Contact e-mail address): \"contact-at-hemi\" is not a valid e-mail address.");
    }

    @Test
    void aNegativeDuration() {
        Problem p = single(GOOD.withValue("retention.account", "-3 months"));
        assertThat(p.message(Lang.FR)).isEqualTo("Variable « retention.account » (Conservation après la fin de la relation) : « -3 months » n’est pas une durée positive.");
        assertThat(p.message(Lang.EN)).isEqualTo("Variable \"retention.account\" (Retention after the relationship ends): \"-3 months\" is not a positive duration.");
    }

    @Test
    void aDurationWithoutUnit() {
        assertThat(single(GOOD.withValue("retention.logs", "forever")).code()).isEqualTo("value.duration");
    }

    @Test
    void aCountryThatIsNotIso3166() {
        Problem p = single(GOOD.withValue("controller.country", "XX"));
        assertThat(p.message(Lang.FR)).contains("« controller.country »", "« XX » n’est pas un code pays ISO 3166-1 alpha-2");
        assertThat(p.message(Lang.EN)).contains("\"controller.country\"", "\"XX\" is not an ISO 3166-1 alpha-2 country code");
    }

    @Test
    void aScriptOrAnIframeInFreeText() {
        for (String hostile : List.of("Voir <script>alert(1)</script>", "<iframe src=\"https://evil.example\"></iframe>")) {
            Problem p = single(GOOD.withFreeText("security", hostile));
            assertThat(p.subject()).isEqualTo("security");
            assertThat(p.message(Lang.FR)).isEqualTo("Le texte libre de la section « security » contient du balisage HTML ou un script (comme <script> ou <iframe>), ce qui est interdit : utilisez Markdown.");
            assertThat(p.message(Lang.EN)).isEqualTo("Free text of section \"security\" contains HTML markup or a script (such as <script> or <iframe>), which is not allowed: use Markdown.");
        }
    }

    @Test
    void aTemplateThatDoesNotExist() {
        PolicyValues values = new PolicyValues("kindergarten", "1", "2026-01-01", GOOD.values(), GOOD.clauses(), GOOD.freeText());
        Problem p = single(values);
        assertThat(p.message(Lang.FR)).isEqualTo("Le modèle « kindergarten » n’existe pas. Modèles disponibles : school-minors, higher-education, online-learning.");
        assertThat(p.message(Lang.EN)).isEqualTo("Template \"kindergarten\" does not exist. Known templates: school-minors, higher-education, online-learning.");
    }

    @Test
    void anUnknownVariableAndAnUnknownClauseAndABadOption() {
        List<Problem> found = problems(GOOD.withValue("controller.nmae", "HEMI").withClause("gossip", "on").withClause("core-basis", "whim"));
        assertThat(found).extracting(Problem::subject).containsExactlyInAnyOrder("controller.nmae", "gossip", "core-basis");
        assertThat(found).extracting(p -> p.message(Lang.EN)).anySatisfy(m -> assertThat(m).contains("\"whim\" is not one of its options (public-task, contract)"));
    }

    @Test
    void aProcessorOutsideTheEeaNeedsASafeguard() {
        Problem p = single(GOOD.withValue("processors", List.of(java.util.Map.of("name", "Cloudy", "category", "HOSTING", "country", "US"))));
        assertThat(p.subject()).isEqualTo("processors[1].safeguard");
        assertThat(p.message(Lang.FR)).contains("hors de l’EEE (US)");
    }

    @Test
    void aConsentAgeBelowThirteenIsRefused() {
        assertThat(single(GOOD.withValue("consent.age.override", "12")).message(Lang.EN)).contains("outside 13–16");
    }

    @Test
    void everyProblemIsListedNotOnlyTheFirst() {
        PolicyValues bad = GOOD.withValue("contact.email", "nope").withValue("retention.account", "-3 months")
                .withValue("controller.country", "ZZ").withFreeText("rights", "<iframe>").withVersion(null, "tomorrow");
        assertThat(problems(bad)).extracting(Problem::subject)
                .containsExactlyInAnyOrder("contact.email", "retention.account", "controller.country", "rights", "version", "date");
    }

    @Test
    void theVersionAndTheDateAreNamedInBothLanguages() {
        Problem p = single(GOOD.withVersion(" ", "2026-09-01"));
        assertThat(p.message(Lang.FR)).isEqualTo("La variable « version » (version de la politique) est obligatoire et n’est pas renseignée.");
        assertThat(p.message(Lang.EN)).isEqualTo("Variable \"version\" (policy version) is required but missing.");
        assertThat(single(GOOD.withVersion("2.0", null)).message(Lang.FR)).contains("(date de la politique)");
    }

    @Test
    void renderingInvalidValuesThrowsWithEveryProblem() {
        assertThatThrownBy(() -> Examples.LIBRARY.render(GOOD.withValue("contact.email", "nope"), Lang.FR))
                .isInstanceOf(PolicyValidationException.class)
                .hasMessageContaining("contact.email");
    }

    private static Problem single(PolicyValues values) {
        List<Problem> found = problems(values);
        assertThat(found).hasSize(1);
        return found.getFirst();
    }
}
