package eu.tutela.portal.policy.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import eu.tutela.policy.diff.PolicyComparison;
import eu.tutela.policy.diff.SectionDiff;
import eu.tutela.policy.diff.SentenceChange;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Two versions side by side, section by section: the changed sections only, each with its sentences
 * before and after, the ones that changed highlighted (and named for screen readers). Two columns on a
 * wide screen, one above the other on a phone (the theme decides).
 */
class ComparisonPanel extends Composite<Div> {

    ComparisonPanel(PolicyComparison comparison, int before, int after) {
        Div panel = getContent();
        panel.setId("policy-comparison");
        panel.addClassName("policy-comparison");
        List<SectionDiff> changed = comparison.changedSections();
        int unchanged = comparison.sections().size() - changed.size();
        Paragraph summary = new Paragraph(changed.isEmpty()
                ? getTranslation("policy.diff.none")
                : getTranslation("policy.diff.summary", changed.size(), unchanged));
        summary.setId("policy-comparison-summary");
        panel.add(summary);
        for (SectionDiff section : changed) {
            Div box = new Div();
            box.addClassName("diff-section");
            box.setId("policy-diff-" + section.sectionId());
            H3 title = new H3(section.title());
            Span status = new Span(getTranslation("policy.diff.badge." + section.status().name()));
            status.addClassNames("diff-badge", "diff-badge-" + section.status().name().toLowerCase(Locale.ROOT));
            title.add(new Span(" "), status);
            Set<Integer> removed = new HashSet<>();
            Set<Integer> added = new HashSet<>();
            for (SentenceChange change : section.changes()) {
                for (int i = 0; i < change.before().size(); i++) {
                    removed.add(change.beforePosition() + i);
                }
                for (int i = 0; i < change.after().size(); i++) {
                    added.add(change.afterPosition() + i);
                }
            }
            Div columns = new Div(column(getTranslation("policy.diff.version", before), section.before(), removed, "diff-removed"),
                    column(getTranslation("policy.diff.version", after), section.after(), added, "diff-added"));
            columns.addClassName("diff-columns");
            box.add(title, columns);
            panel.add(box);
        }
    }

    private Div column(String heading, List<String> sentences, Set<Integer> marked, String markClass) {
        Div column = new Div(new H4(heading));
        column.addClassName("diff-column");
        if (sentences.isEmpty()) {
            column.add(new Paragraph(getTranslation("policy.diff.empty")));
        }
        for (int i = 0; i < sentences.size(); i++) {
            Paragraph sentence = new Paragraph(sentences.get(i));
            sentence.addClassName("diff-sentence");
            if (marked.contains(i)) {
                sentence.addClassName(markClass);
                Span hint = new Span(getTranslation("policy.diff.mark." + markClass) + " ");
                hint.addClassName("visually-hidden");
                sentence.getElement().insertChild(0, hint.getElement());
            }
            column.add(sentence);
        }
        return column;
    }
}
