package eu.tutela.policy;

import eu.tutela.policy.catalogue.Topic;
import eu.tutela.policy.diff.ChangeClass;
import eu.tutela.policy.diff.PolicyComparison;
import eu.tutela.policy.diff.PolicyDiff;
import eu.tutela.policy.diff.SectionDiff;
import eu.tutela.policy.diff.SentenceChange;
import eu.tutela.policy.variables.PolicyValues;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Section-aware, sentence-level comparison and its substantial / minor hint. */
class ComparisonTest {

    private final PolicyValues hemi = Examples.values(Examples.HEMI);

    private PolicyComparison compare(PolicyValues before, PolicyValues after) {
        return Examples.LIBRARY.compare(Examples.LIBRARY.render(before, Lang.FR), Examples.LIBRARY.render(after, Lang.FR));
    }

    @Test
    void identicalRenderingsDoNotDiffer() {
        PolicyComparison c = compare(hemi, hemi.withVersion("2.0", "2026-09-01"));
        assertThat(c.classification()).isEqualTo(ChangeClass.NONE);
        assertThat(c.changedSections()).isEmpty();
    }

    @Test
    void aNewContactAddressIsMinor() {
        PolicyComparison c = compare(hemi, hemi.withValue("contact.email", "accueil@hemi.example"));
        assertThat(c.classification()).isEqualTo(ChangeClass.MINOR);
        assertThat(c.changedSections()).extracting(SectionDiff::sectionId).contains("contact-marketing", "security");
        SentenceChange change = c.changedSections().stream().filter(s -> s.sectionId().equals("contact-marketing"))
                .findFirst().orElseThrow().changes().getFirst();
        assertThat(change.kind()).isEqualTo(SentenceChange.Kind.CHANGED);
        assertThat(change.before()).containsExactly("Pour toute question sur cette politique ou sur vos données, écrivez-nous à contact@hemi.example.");
        assertThat(change.after()).containsExactly("Pour toute question sur cette politique ou sur vos données, écrivez-nous à accueil@hemi.example.");
    }

    @Test
    void aNewPurposeIsSubstantial() {
        PolicyComparison c = compare(hemi, hemi.withValue("purposes.extra", List.of("Études statistiques sur la réussite des étudiants.")));
        assertThat(c.classification()).isEqualTo(ChangeClass.SUBSTANTIAL);
        assertThat(c.substantialTopics()).containsExactly(Topic.PURPOSES);
        SentenceChange added = c.changedSections().getFirst().changes().getFirst();
        assertThat(added.kind()).isEqualTo(SentenceChange.Kind.ADDED);
        assertThat(added.after()).containsExactly("Études statistiques sur la réussite des étudiants.");
    }

    @Test
    void aNewRecipientAndATransferAreSubstantial() {
        List<Object> processors = List.of(Map.of("name", "Scaleway", "category", "HOSTING", "country", "FR"),
                Map.of("name", "Mailgun", "category", "COMMUNICATION", "country", "US", "safeguard", "STANDARD_CONTRACTUAL_CLAUSES"));
        PolicyComparison c = compare(hemi.withValue("processors", List.of(Map.of("name", "Scaleway", "category", "HOSTING", "country", "FR"))),
                hemi.withValue("processors", processors));
        assertThat(c.classification()).isEqualTo(ChangeClass.SUBSTANTIAL);
        assertThat(c.substantialTopics()).contains(Topic.RECIPIENTS, Topic.TRANSFERS);
    }

    @Test
    void droppingADataCategoryIsSubstantial() {
        PolicyComparison c = compare(hemi, hemi.withClause("location", "off"));
        assertThat(c.substantialTopics()).containsExactly(Topic.DATA);
        SentenceChange removed = c.changedSections().getFirst().changes().getFirst();
        assertThat(removed.kind()).isEqualTo(SentenceChange.Kind.REMOVED);
        assertThat(removed.before()).anySatisfy(s -> assertThat(s).contains("localisation approximative"));
    }

    @Test
    void punctuationOnlyInASubstantialSectionIsWordingOnly() {
        var before = Examples.LIBRARY.render(hemi, Lang.FR).policy();
        var sections = before.sections().stream().map(s -> s.id().equals("rights")
                ? new eu.tutela.policy.render.RenderedSection(s.id(), s.topic(), s.title(), s.markdown().replace("RGPD)", "RGPD) ;"))
                : s).toList();
        var after = new eu.tutela.policy.render.RenderedPolicy(before.templateId(), before.lang(), before.title(),
                before.controllerName(), before.version(), before.dateText(), sections);
        PolicyComparison c = PolicyDiff.compare(before, after);
        assertThat(c.changedSections()).extracting(SectionDiff::sectionId).containsExactly("rights");
        assertThat(c.classification()).isEqualTo(ChangeClass.MINOR);
    }

    @Test
    void storedHtmlCanBeComparedToo() {
        String before = Examples.LIBRARY.render(hemi, Lang.FR).html();
        String after = Examples.LIBRARY.render(hemi.withClause("location", "off"), Lang.FR).html();
        PolicyComparison c = PolicyDiff.compareHtml(before, after);
        assertThat(c.classification()).isEqualTo(ChangeClass.SUBSTANTIAL);
        assertThat(c.changedSections()).extracting(SectionDiff::sectionId).containsExactly("data-automatic");
    }
}
