package eu.tutela.portal.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;

/** How a draft's content is kept in a {@code jsonb} column: values, clauses and free text, keys sorted. */
final class DraftJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DraftJson() {
    }

    static String write(DraftContent content) {
        Map<String, Object> doc = new TreeMap<>();
        doc.put("values", new TreeMap<>(content.values()));
        doc.put("clauses", new TreeMap<>(content.clauses()));
        doc.put("freeText", new TreeMap<>(content.freeText()));
        return JSON.writeValueAsString(doc);
    }

    static DraftContent read(String json) {
        Map<?, ?> doc = JSON.readValue(json, Map.class);
        Map<String, Object> values = new LinkedHashMap<>();
        if (doc.get("values") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> values.put(String.valueOf(k), normalise(v)));
        }
        Map<String, String> clauses = new LinkedHashMap<>();
        if (doc.get("clauses") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> clauses.put(String.valueOf(k), String.valueOf(v)));
        }
        Map<String, Map<String, String>> freeText = new LinkedHashMap<>();
        if (doc.get("freeText") instanceof Map<?, ?> m) {
            m.forEach((lang, sections) -> {
                Map<String, String> texts = new LinkedHashMap<>();
                if (sections instanceof Map<?, ?> s) {
                    s.forEach((k, v) -> texts.put(String.valueOf(k), String.valueOf(v)));
                }
                freeText.put(String.valueOf(lang), texts);
            });
        }
        return new DraftContent(values, clauses, freeText);
    }

    /** Lists and maps as the library reads them; every scalar as text, as a form gives it. */
    private static Object normalise(Object v) {
        if (v instanceof List<?> list) {
            return list.stream().map(DraftJson::normalise).toList();
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, x) -> {
                if (x != null) {
                    out.put(String.valueOf(k), normalise(x));
                }
            });
            return out;
        }
        return v == null ? null : String.valueOf(v);
    }
}
