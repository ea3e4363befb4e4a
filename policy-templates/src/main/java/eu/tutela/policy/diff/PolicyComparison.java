package eu.tutela.policy.diff;

import eu.tutela.policy.catalogue.Topic;

import java.util.List;
import java.util.Set;

/**
 * The result of comparing two renderings: every section in the new order (removed ones where they
 * were), the overall classification, and which substantial topics were touched — a hint for the
 * person publishing, who decides.
 */
public record PolicyComparison(List<SectionDiff> sections, ChangeClass classification, Set<Topic> substantialTopics) {

    public PolicyComparison {
        sections = List.copyOf(sections);
        substantialTopics = Set.copyOf(substantialTopics);
    }

    public List<SectionDiff> changedSections() {
        return sections.stream().filter(s -> s.status() != SectionDiff.Status.UNCHANGED).toList();
    }
}
