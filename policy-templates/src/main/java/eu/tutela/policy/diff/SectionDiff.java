package eu.tutela.policy.diff;

import eu.tutela.policy.catalogue.Topic;

import java.util.List;

/** How one section changed; {@code before} and {@code after} are its sentences, for a side-by-side view. */
public record SectionDiff(String sectionId, Topic topic, String title, Status status, List<String> before,
                          List<String> after, List<SentenceChange> changes) {

    public enum Status { UNCHANGED, ADDED, REMOVED, CHANGED }

    public SectionDiff {
        before = List.copyOf(before);
        after = List.copyOf(after);
        changes = List.copyOf(changes);
    }

    /** Whether this section's change, on its own, calls for re-acceptance. */
    public boolean substantial() {
        return topic.substantial() && status != Status.UNCHANGED
                && (status != Status.CHANGED || changes.stream().anyMatch(c -> !c.wordingOnly()));
    }
}
