package eu.tutela.policy.catalogue;

import eu.tutela.policy.Lang;
import eu.tutela.policy.variables.VariableType;

import java.util.Map;

/** A value a tenant fills in: its name as used in {@code {{name}}}, its type, and its label per language. */
public record VariableDefinition(String name, VariableType type, boolean required, Map<Lang, String> label) {

    public String label(Lang lang) {
        return label.getOrDefault(lang, name);
    }
}
