package eu.tutela.policy;

import eu.tutela.policy.render.RenderedSection;
import eu.tutela.policy.variables.PolicyValues;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Each template declares its processing purposes as data; a tenant's follow its clause choices. */
class PurposesTest {

    private static final PolicyTemplates LIBRARY = Examples.LIBRARY;

    @Test
    void schoolMinorsWithDefaultClauses() {
        assertThat(LIBRARY.purposes(draft("school-minors"), Lang.EN))
                .extracting(Purpose::id, Purpose::basis, Purpose::consentRequired, Purpose::sectionId, Purpose::defaultOn)
                .containsExactly(
                        tuple("schooling", LawfulBasis.E, false, "purposes", true),
                        tuple("education-authorities", LawfulBasis.C, false, "purposes", true),
                        tuple("health-safety", LawfulBasis.C, false, "purposes", true),
                        tuple("digital-security", LawfulBasis.E, false, "purposes", true));
    }

    @Test
    void higherEducationWithDefaultClauses() {
        assertThat(LIBRARY.purposes(draft("higher-education"), Lang.EN))
                .extracting(Purpose::id, Purpose::basis, Purpose::consentRequired, Purpose::defaultOn)
                .containsExactly(
                        tuple("studies", LawfulBasis.E, false, true),
                        tuple("digital-services", LawfulBasis.F, false, true),
                        tuple("platform-improvement", LawfulBasis.F, false, true),
                        tuple("account-notices", LawfulBasis.E, false, true),
                        tuple("fraud-prevention", LawfulBasis.F, false, true),
                        tuple("legal-obligations", LawfulBasis.C, false, true));
    }

    @Test
    void onlineLearningWithDefaultClauses() {
        // payments and personalisation are on by default; partner courses and marketing are off
        assertThat(LIBRARY.purposes(draft("online-learning"), Lang.EN))
                .extracting(Purpose::id, Purpose::basis, Purpose::consentRequired)
                .containsExactly(
                        tuple("account-and-courses", LawfulBasis.B, false),
                        tuple("payments", LawfulBasis.B, false),
                        tuple("personalised-learning", LawfulBasis.B, false),
                        tuple("service-messages", LawfulBasis.B, false),
                        tuple("platform-improvement", LawfulBasis.F, false),
                        tuple("fraud-prevention", LawfulBasis.F, false),
                        tuple("legal-obligations", LawfulBasis.C, false));
    }

    @Test
    void thePhotosClauseBringsAConsentPurposeThatStartsOff() {
        List<Purpose> purposes = LIBRARY.purposes(draft("school-minors").withClause("photos", "on"), Lang.FR);
        assertThat(purposes).extracting(Purpose::id)
                .containsExactly("schooling", "education-authorities", "health-safety", "digital-security", "photos");
        Purpose photos = purposes.getLast();
        assertThat(photos).isEqualTo(new Purpose("photos", "Photos et vidéos des activités scolaires",
                "Publier des photos ou des vidéos où votre enfant apparaît lors d’activités scolaires, seulement si vous "
                        + "l’autorisez. Vous pouvez retirer votre accord à tout moment.",
                LawfulBasis.A, true, "purposes", false));
        assertThat(photos.basis().article()).isEqualTo("6(1)(a)");
    }

    @Test
    void aPrivateSchoolsSchoolingRestsOnTheContract() {
        List<Purpose> purposes = LIBRARY.purposes(draft("school-minors").withClause("core-basis", "contract")
                .withClause("canteen", "on"), Lang.EN);
        assertThat(purposes).extracting(Purpose::id, Purpose::basis, Purpose::consentRequired, Purpose::sectionId)
                .containsExactly(
                        tuple("schooling", LawfulBasis.B, false, "purposes"),
                        tuple("education-authorities", LawfulBasis.C, false, "purposes"),
                        tuple("health-safety", LawfulBasis.C, false, "purposes"),
                        tuple("digital-security", LawfulBasis.E, false, "purposes"),
                        tuple("school-meals", LawfulBasis.B, false, "data-provided"),
                        tuple("dietary-needs", LawfulBasis.A, true, "data-provided"));
        assertThat(purposes.getFirst().name()).isEqualTo("Your child’s schooling");
        assertThat(purposes.getFirst().basis().article()).isEqualTo("6(1)(b)");
    }

    @Test
    void everyClauseOnGivesEveryPurposeAndConsentOnesStartOff() {
        PolicyValues all = draft("online-learning").withClause("partner-courses", "on").withClause("marketing", "on");
        List<Purpose> purposes = LIBRARY.purposes(all, Lang.EN);
        assertThat(purposes).extracting(Purpose::id).endsWith("partner-certificates", "news-and-offers");
        assertThat(purposes).filteredOn(Purpose::consentRequired)
                .extracting(Purpose::id, Purpose::basis, Purpose::sectionId, Purpose::defaultOn)
                .containsExactly(tuple("news-and-offers", LawfulBasis.A, "contact-marketing", false));
        assertThat(LIBRARY.purposes(draft("higher-education").withClause("marketing", "on").withClause("core-basis", "contract"), Lang.FR))
                .extracting(Purpose::id, Purpose::basis)
                .contains(tuple("studies", LawfulBasis.B), tuple("account-notices", LawfulBasis.B), tuple("news-and-offers", LawfulBasis.A));
    }

    @Test
    void theExampleSchoolHasPhotosAndCanteenPurposes() {
        assertThat(LIBRARY.purposes(Examples.values(Examples.SCHOOL), Lang.FR))
                .extracting(Purpose::id, Purpose::name)
                .containsExactly(
                        tuple("schooling", "Scolarité de l’élève"),
                        tuple("education-authorities", "Informations dues aux autorités académiques"),
                        tuple("health-safety", "Santé et sécurité des élèves"),
                        tuple("digital-security", "Sécurité des outils numériques"),
                        tuple("photos", "Photos et vidéos des activités scolaires"),
                        tuple("school-meals", "Restauration scolaire"),
                        tuple("dietary-needs", "Régimes alimentaires à la cantine"));
    }

    /** The data must say what the text says: the purposes section cites the basis each of its purposes declares. */
    @Test
    void thePurposesSectionCitesTheBasisOfEachOfItsPurposes() {
        Map<String, String> examples = Map.of("school-minors", Examples.SCHOOL, "higher-education", Examples.HEMI,
                "online-learning", Examples.HELUXIMORA);
        examples.forEach((template, file) -> {
            for (String coreBasis : List.of("public-task", "contract")) {
                PolicyValues values = Examples.values(file);
                for (var clause : LIBRARY.template(template).clauses()) {
                    values = clause.id().equals("core-basis") ? values.withClause("core-basis", coreBasis)
                            : clause.options().contains("on") ? values.withClause(clause.id(), "on") : values;
                }
                String text = LIBRARY.render(values, Lang.EN).policy().sections().stream()
                        .filter(s -> s.id().equals("purposes")).map(RenderedSection::markdown).findFirst().orElseThrow();
                for (Purpose purpose : LIBRARY.purposes(values, Lang.EN)) {
                    if (purpose.sectionId().equals("purposes")) {
                        assertThat(text).as(template + " " + coreBasis + " " + purpose.id()).contains("Art. 6(1)(" + purpose.basis().letter() + ")");
                    }
                }
            }
        });
    }

    @Test
    void purposesNeedValidClauseChoicesOnly() {
        assertThatThrownBy(() -> LIBRARY.purposes(draft("school-minors").withClause("core-basis", "charity"), Lang.EN))
                .isInstanceOf(PolicyValidationException.class)
                .hasMessageContaining("charity");
        assertThatThrownBy(() -> LIBRARY.purposes(draft("school-minors").withClause("selfies", "on"), Lang.EN))
                .isInstanceOf(PolicyValidationException.class)
                .hasMessageContaining("selfies");
        assertThatThrownBy(() -> LIBRARY.purposes(draft("kindergarten"), Lang.EN))
                .isInstanceOf(PolicyValidationException.class);
    }

    @Test
    void theBasesCarryTheirArticle() {
        assertThat(LawfulBasis.values()).extracting(LawfulBasis::article)
                .containsExactly("6(1)(a)", "6(1)(b)", "6(1)(c)", "6(1)(d)", "6(1)(e)", "6(1)(f)");
        assertThat(LawfulBasis.ofLetter("E")).contains(LawfulBasis.E);
        assertThat(LawfulBasis.ofLetter("g")).isEmpty();
    }

    /** A tenant who has filled nothing in yet and kept every clause's default. */
    private static PolicyValues draft(String template) {
        return new PolicyValues(template, null, null, Map.of(), Map.of(), Map.of());
    }
}
