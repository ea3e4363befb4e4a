package eu.tutela.portal.policy;

import eu.tutela.policy.Lang;
import eu.tutela.policy.variables.Problem;
import java.util.List;
import java.util.Optional;

/**
 * The draft as it would be published in one language: its HTML when it can be rendered, and every
 * problem otherwise. A problem names its subject (a variable such as {@code dpo.email}, a processor
 * field such as {@code processors[2].country}, a clause, a section's free text) so that the editor
 * shows it on that field, in the person's language ({@link Problem#message(Lang)}).
 */
public record Preview(Lang lang, Optional<String> html, List<Problem> problems) {

    public Preview {
        problems = List.copyOf(problems);
    }

    public boolean renderable() {
        return problems.isEmpty();
    }
}
