package eu.tutela.policy.diff;

import java.util.List;

/**
 * One run of sentences that differ, with its position in the old and new section (0-based sentence
 * index), so an editor can align it side by side. {@code wordingOnly} is true when the sentences
 * differ only by case, punctuation or spacing.
 */
public record SentenceChange(Kind kind, int beforePosition, List<String> before, int afterPosition, List<String> after,
                             boolean wordingOnly) {

    public enum Kind { ADDED, REMOVED, CHANGED }

    public SentenceChange {
        before = List.copyOf(before);
        after = List.copyOf(after);
    }
}
