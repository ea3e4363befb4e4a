package eu.tutela.portal.policy;

import eu.tutela.policy.Lang;
import eu.tutela.policy.variables.PolicyValues;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an institution has filled in for its template: the values of its variables (text, lists, the
 * processors as maps), its choice for each clause, and free text per section <em>per language</em>
 * (a bilingual institution writes its own paragraphs twice; the template's text comes in both).
 */
public record DraftContent(Map<String, Object> values, Map<String, String> clauses, Map<String, Map<String, String>> freeText) {

    public DraftContent {
        values = Map.copyOf(withoutNulls(values));
        clauses = Map.copyOf(clauses);
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        freeText.forEach((lang, sections) -> copy.put(lang, Map.copyOf(sections)));
        freeText = Map.copyOf(copy);
    }

    public static DraftContent empty() {
        return new DraftContent(Map.of(), Map.of(), Map.of());
    }

    /** The content with one value replaced; an empty value is removed (a blank field is a missing value). */
    public DraftContent withValue(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        if (value == null || value instanceof String s && s.isBlank() || value instanceof java.util.List<?> l && l.isEmpty()) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return new DraftContent(copy, clauses, freeText);
    }

    public DraftContent withClause(String clause, String option) {
        Map<String, String> copy = new LinkedHashMap<>(clauses);
        copy.put(clause, option);
        return new DraftContent(values, copy, freeText);
    }

    public DraftContent withFreeText(Lang lang, String section, String markdown) {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>(freeText);
        Map<String, String> sections = new LinkedHashMap<>(copy.getOrDefault(lang.code(), Map.of()));
        if (markdown == null || markdown.isBlank()) {
            sections.remove(section);
        } else {
            sections.put(section, markdown);
        }
        copy.put(lang.code(), sections);
        return new DraftContent(values, clauses, copy);
    }

    public String freeText(Lang lang, String section) {
        return freeText.getOrDefault(lang.code(), Map.of()).getOrDefault(section, "");
    }

    /** The library's input for one language of one version. */
    PolicyValues toValues(String templateId, String version, String date, Lang lang) {
        return new PolicyValues(templateId, version, date, values, clauses, freeText.getOrDefault(lang.code(), Map.of()));
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> values) {
        Map<String, Object> kept = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v != null) {
                kept.put(k, v);
            }
        });
        return kept;
    }
}
