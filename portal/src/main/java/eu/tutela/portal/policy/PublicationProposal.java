package eu.tutela.portal.policy;

import eu.tutela.policy.Lang;
import eu.tutela.policy.diff.PolicyComparison;
import eu.tutela.policy.variables.Problem;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What publishing the draft now would do: the version number it would get, the kind the comparison
 * with the active version proposes (empty when nothing changed at all, in any language) and the
 * substantial topics it touched; the comparison per language, and what stops it (problems per language).
 */
public record PublicationProposal(int number, Optional<VersionKind> proposedKind, List<String> topics,
        Map<Lang, PolicyComparison> comparisons, Map<Lang, List<Problem>> problems, int draftRevision) {

    public PublicationProposal {
        topics = List.copyOf(topics);
        comparisons = Map.copyOf(comparisons);
        problems = Map.copyOf(problems);
    }

    public boolean publishable() {
        return proposedKind.isPresent() && problems.values().stream().allMatch(List::isEmpty);
    }
}
