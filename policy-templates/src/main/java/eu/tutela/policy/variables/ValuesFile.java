package eu.tutela.policy.variables;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

/**
 * Reads a values file (YAML):
 * <pre>
 * template: online-learning      # optional when the caller names the template
 * version: "3.0"
 * date: 2026-11-02
 * values:   { controller.name: Heluximora, contact.channels: [EMAIL, SMS], … }
 * clauses:  { payments: on, core-basis: contract }
 * free-text: { security: "Markdown added at the end of the section" }
 * </pre>
 */
public final class ValuesFile {

    private ValuesFile() {
    }

    public static PolicyValues read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader);
        }
    }

    public static PolicyValues parse(String yaml) {
        return parse(new java.io.StringReader(yaml));
    }

    private static PolicyValues parse(Reader reader) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        if (root == null) {
            root = Map.of();
        }
        if (!(root instanceof Map<?, ?> doc)) {
            throw new IllegalArgumentException("A values file is a YAML mapping (template, version, date, values, clauses, free-text)");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        if (doc.get("values") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> values.put(String.valueOf(k), normalise(v)));
        }
        Map<String, String> clauses = new LinkedHashMap<>();
        if (doc.get("clauses") instanceof Map<?, ?> m) {
            // YAML 1.1 reads on/off/yes/no as booleans: they all mean a switched clause.
            m.forEach((k, v) -> clauses.put(String.valueOf(k), v instanceof Boolean b ? (b ? "on" : "off") : String.valueOf(v)));
        }
        Map<String, String> freeText = new LinkedHashMap<>();
        if (doc.get("free-text") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> freeText.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        }
        return new PolicyValues(text(doc.get("template")), text(doc.get("version")), text(doc.get("date")), values, clauses, freeText);
    }

    private static Object normalise(Object v) {
        if (v instanceof List<?> list) {
            return list.stream().map(ValuesFile::normalise).toList();
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, x) -> out.put(String.valueOf(k), normalise(x)));
            return out;
        }
        return text(v);
    }

    private static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Date d) {
            // SnakeYAML turns 2026-11-02 into a Date at UTC midnight: give the ISO text back.
            SimpleDateFormat iso = new SimpleDateFormat("yyyy-MM-dd");
            iso.setTimeZone(TimeZone.getTimeZone("UTC"));
            return iso.format(d);
        }
        return String.valueOf(v);
    }
}
