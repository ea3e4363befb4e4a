package eu.tutela.policy.catalogue;

import eu.tutela.policy.Lang;
import eu.tutela.policy.variables.PolicyValues;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One template of the catalogue: its variables, its clauses, its sections in order, and its text per language.
 * {@code pupilTexts} is empty, or holds in every language a plain-language text for the pupils themselves
 * (GDPR Art. 12(1) and Recital 58) with the same sections. {@code purposes} are the processing purposes the
 * text states, as data, in declaration order.
 */
public record PolicyTemplate(String id, Map<Lang, String> name, Map<Lang, String> description,
                             List<VariableDefinition> variables, List<ClauseDefinition> clauses,
                             List<SectionDefinition> sections, Map<Lang, TemplateText> texts,
                             Map<Lang, TemplateText> pupilTexts, List<PurposeDefinition> purposes) {

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

    /**
     * The option of every clause for these values: the tenant's choice, or the clause's default when the
     * values leave it out. Rendering and purposes read clauses through this, so that they agree.
     */
    public Map<String, String> clauseChoices(PolicyValues values) {
        Map<String, String> choices = new HashMap<>();
        for (ClauseDefinition c : clauses) {
            choices.put(c.id(), values.clauses().getOrDefault(c.id(), c.defaultOption()));
        }
        return choices;
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
