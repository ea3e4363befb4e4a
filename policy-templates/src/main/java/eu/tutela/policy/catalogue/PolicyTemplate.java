package eu.tutela.policy.catalogue;

import eu.tutela.policy.Lang;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One template of the catalogue: its variables, its clauses, its sections in order, and its text per language. */
public record PolicyTemplate(String id, Map<Lang, String> name, Map<Lang, String> description,
                             List<VariableDefinition> variables, List<ClauseDefinition> clauses,
                             List<SectionDefinition> sections, Map<Lang, TemplateText> texts) {

    public String name(Lang lang) {
        return name.getOrDefault(lang, id);
    }

    public String description(Lang lang) {
        return description.getOrDefault(lang, "");
    }

    public Optional<VariableDefinition> variable(String variableName) {
        return variables.stream().filter(v -> v.name().equals(variableName)).findFirst();
    }

    public Optional<ClauseDefinition> clause(String clauseId) {
        return clauses.stream().filter(c -> c.id().equals(clauseId)).findFirst();
    }

    public Optional<SectionDefinition> section(String sectionId) {
        return sections.stream().filter(s -> s.id().equals(sectionId)).findFirst();
    }

    public TemplateText text(Lang lang) {
        return texts.get(lang);
    }
}
