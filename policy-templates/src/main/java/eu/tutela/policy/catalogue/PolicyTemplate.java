package eu.tutela.policy.catalogue;

import eu.tutela.policy.Lang;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One template of the catalogue: its variables, its clauses, its sections in order, and its text per language.
 * {@code pupilTexts} is empty, or holds in every language a plain-language text for the pupils themselves
 * (GDPR Art. 12(1) and Recital 58) with the same sections.
 */
public record PolicyTemplate(String id, Map<Lang, String> name, Map<Lang, String> description,
                             List<VariableDefinition> variables, List<ClauseDefinition> clauses,
                             List<SectionDefinition> sections, Map<Lang, TemplateText> texts,
                             Map<Lang, TemplateText> pupilTexts) {

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

    public Optional<TemplateText> pupilText(Lang lang) {
        return Optional.ofNullable(pupilTexts.get(lang));
    }

    public boolean hasPupilText() {
        return !pupilTexts.isEmpty();
    }
}
