package eu.tutela.policy.variables;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a tenant has filled in for one template, as read from a values file or an editor: raw values
 * (strings, lists, maps) that {@link ValuesValidator} checks against the template's types.
 * {@code clauses} maps a clause id to "on", "off" or an alternative's option; {@code freeText} maps a
 * section id to Markdown the tenant adds at the end of that section.
 */
public record PolicyValues(String templateId, String version, String date, Map<String, Object> values,
                           Map<String, String> clauses, Map<String, String> freeText) {

    public PolicyValues {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        clauses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(clauses));
        freeText = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(freeText));
    }

    public PolicyValues withValue(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return new PolicyValues(templateId, version, date, copy, clauses, freeText);
    }

    public PolicyValues withClause(String clause, String option) {
        Map<String, String> copy = new LinkedHashMap<>(clauses);
        copy.put(clause, option);
        return new PolicyValues(templateId, version, date, values, copy, freeText);
    }

    public PolicyValues withFreeText(String section, String markdown) {
        Map<String, String> copy = new LinkedHashMap<>(freeText);
        copy.put(section, markdown);
        return new PolicyValues(templateId, version, date, values, clauses, copy);
    }

    public PolicyValues withVersion(String newVersion, String newDate) {
        return new PolicyValues(templateId, newVersion, newDate, values, clauses, freeText);
    }
}
