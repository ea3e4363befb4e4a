package eu.tutela.policy.catalogue;

import eu.tutela.policy.Lang;
import eu.tutela.policy.Purpose;

import java.util.Map;

/**
 * A processing purpose as a template declares it (template.yaml, {@code purposes}): its words in every
 * language, its lawful basis, whether it needs consent, the section of the policy that states it, and
 * {@code when}, the optional clause it exists under (null: always).
 */
public record PurposeDefinition(String id, Map<Lang, String> name, Map<Lang, String> description, PurposeBasis basis,
                                boolean consent, String section, boolean defaultOn, String when) {

    public PurposeDefinition {
        name = Map.copyOf(name);
        description = Map.copyOf(description);
    }

    /** Whether the purpose exists for these clause choices (clause id → chosen option, every clause present). */
    public boolean existsFor(Map<String, String> clauseChoices) {
        return when == null || ClauseDefinition.ON.equals(clauseChoices.get(when));
    }

    /** The purpose as callers see it, in one language, with its basis resolved from the clause choices. */
    public Purpose in(Lang lang, Map<String, String> clauseChoices) {
        return new Purpose(id, name.get(lang), description.get(lang), basis.resolve(clauseChoices), consent, section, defaultOn);
    }
}
