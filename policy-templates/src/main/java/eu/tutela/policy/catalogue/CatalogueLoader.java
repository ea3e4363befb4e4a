package eu.tutela.policy.catalogue;

import eu.tutela.policy.Lang;
import eu.tutela.policy.variables.VariableType;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the catalogue's YAML resource files (see catalogue/README.md in the resources) into
 * {@link PolicyTemplate}s. Plain maps and lists are converted by hand so that an editing mistake
 * gives a message naming the file and the key, not a reflection error.
 */
final class CatalogueLoader {

    static final String ROOT = "eu/tutela/policy/catalogue/";

    private final ClassLoader classLoader;

    CatalogueLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    List<PolicyTemplate> load() {
        Map<String, Object> index = yaml(ROOT + "index.yaml");
        Map<String, Object> common = yaml(ROOT + "common/structure.yaml");
        Map<String, Topic> topics = new LinkedHashMap<>();
        map(common, "topics", "common/structure.yaml").forEach((k, v) -> topics.put(k, Topic.valueOf(upper(v))));
        Map<Lang, Map<String, SectionText>> commonTexts = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) {
            String file = "common/" + lang.code() + ".yaml";
            commonTexts.put(lang, sections(map(yaml(ROOT + file), "sections", file), file));
        }
        List<PolicyTemplate> templates = new ArrayList<>();
        for (Object id : list(index, "templates", "index.yaml")) {
            templates.add(template(String.valueOf(id), common, topics, commonTexts));
        }
        return templates;
    }

    private PolicyTemplate template(String id, Map<String, Object> common, Map<String, Topic> topics,
                                    Map<Lang, Map<String, SectionText>> commonTexts) {
        String file = id + "/template.yaml";
        Map<String, Object> def = yaml(ROOT + file);
        List<VariableDefinition> variables = new ArrayList<>(variables(list(common, "variables", "common/structure.yaml")));
        variables.addAll(variables(listOrEmpty(def, "variables")));
        List<ClauseDefinition> clauses = new ArrayList<>(clauses(listOrEmpty(common, "clauses")));
        clauses.addAll(clauses(listOrEmpty(def, "clauses")));
        List<SectionDefinition> sections = new ArrayList<>();
        for (Object sectionId : list(def, "sections", file)) {
            Topic topic = topics.get(String.valueOf(sectionId));
            if (topic == null) {
                throw new CatalogueException(file + ": section '" + sectionId + "' has no topic in common/structure.yaml");
            }
            sections.add(new SectionDefinition(String.valueOf(sectionId), topic));
        }
        Map<Lang, TemplateText> texts = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) {
            String textFile = id + "/" + lang.code() + ".yaml";
            Map<String, Object> text = yaml(ROOT + textFile);
            Map<String, SectionText> merged = new LinkedHashMap<>(commonTexts.get(lang));
            merged.putAll(sections(map(text, "sections", textFile), textFile));
            texts.put(lang, new TemplateText(string(text, "title", textFile), merged));
        }
        List<PurposeDefinition> purposes = new PurposeLoader(file, id, clauses, sections).read(list(def, "purposes", file));
        return new PolicyTemplate(id, langMap(def.get("name")), langMap(def.get("description")),
                List.copyOf(variables), List.copyOf(clauses), List.copyOf(sections), texts, pupilTexts(id), purposes);
    }

    /** "school-minors/pupil-fr.yaml": the pupil text of a template in one language, if it has one. */
    static String pupilFile(String templateId, Lang lang) {
        return templateId + "/pupil-" + lang.code() + ".yaml";
    }

    /**
     * No file at all means the template has no pupil text; a file in one language only is an error, so
     * that a translation forgotten (or misnamed) fails the build instead of a pupil's rendering. Pupil
     * text inherits nothing from common/: it is written whole for each template.
     */
    private Map<Lang, TemplateText> pupilTexts(String id) {
        Map<Lang, TemplateText> texts = new EnumMap<>(Lang.class);
        List<String> missing = new ArrayList<>();
        for (Lang lang : Lang.values()) {
            String file = pupilFile(id, lang);
            Map<String, Object> text = optionalYaml(classLoader, ROOT + file);
            if (text == null) {
                missing.add(file);
            } else {
                texts.put(lang, new TemplateText(string(text, "title", file), sections(map(text, "sections", file), file)));
            }
        }
        if (!texts.isEmpty() && !missing.isEmpty()) {
            throw new CatalogueException(missing.getFirst() + " is missing: a template with pupil text has it in every language");
        }
        return texts;
    }

    private static List<VariableDefinition> variables(List<Object> raw) {
        List<VariableDefinition> out = new ArrayList<>();
        for (Object o : raw) {
            Map<String, Object> v = asMap(o);
            out.add(new VariableDefinition(String.valueOf(v.get("name")), VariableType.valueOf(upper(v.get("type"))),
                    Boolean.TRUE.equals(v.get("required")), langMap(v.get("label"))));
        }
        return out;
    }

    private static List<ClauseDefinition> clauses(List<Object> raw) {
        List<ClauseDefinition> out = new ArrayList<>();
        for (Object o : raw) {
            Map<String, Object> c = asMap(o);
            ClauseDefinition.Kind kind = ClauseDefinition.Kind.valueOf(upper(c.get("kind")));
            List<String> options = kind == ClauseDefinition.Kind.OPTIONAL
                    ? List.of(ClauseDefinition.ON, ClauseDefinition.OFF)
                    : ((List<?>) c.get("options")).stream().map(String::valueOf).toList();
            Object dflt = c.get("default");
            String defaultOption = dflt instanceof Boolean b ? (b ? ClauseDefinition.ON : ClauseDefinition.OFF) : String.valueOf(dflt);
            out.add(new ClauseDefinition(String.valueOf(c.get("id")), kind, options, defaultOption, langMap(c.get("label"))));
        }
        return out;
    }

    private static Map<String, SectionText> sections(Map<String, Object> raw, String file) {
        Map<String, SectionText> out = new LinkedHashMap<>();
        raw.forEach((id, body) -> {
            Map<String, Object> s = asMap(body);
            List<Block> blocks = new ArrayList<>();
            for (Object b : listOrEmpty(s, "blocks")) {
                blocks.add(block(asMap(b), file + " section " + id));
            }
            out.put(id, new SectionText(id, string(s, "title", file + " section " + id), List.copyOf(blocks)));
        });
        return out;
    }

    private static Block block(Map<String, Object> b, String where) {
        String when = b.get("when") == null ? null : String.valueOf(b.get("when"));
        String heading = b.get("h3") == null ? null : String.valueOf(b.get("h3"));
        if (b.containsKey("p")) {
            return new Block(Block.Kind.PARAGRAPH, when, String.valueOf(b.get("p")), List.of(), null, null, heading);
        }
        if (b.containsKey("items")) {
            List<Block.Item> items = new ArrayList<>();
            for (Object i : (List<?>) b.get("items")) {
                if (i instanceof Map<?, ?> m) {
                    items.add(new Block.Item(m.get("when") == null ? null : String.valueOf(m.get("when")), String.valueOf(m.get("text"))));
                } else {
                    items.add(new Block.Item(null, String.valueOf(i)));
                }
            }
            return new Block(Block.Kind.ITEMS, when, null, List.copyOf(items), null, null, heading);
        }
        if (b.containsKey("each")) {
            return new Block(Block.Kind.EACH, when, String.valueOf(b.get("item")), List.of(), String.valueOf(b.get("each")),
                    b.get("where") == null ? null : String.valueOf(b.get("where")), heading);
        }
        throw new CatalogueException(where + ": a block needs one of p, items, each: " + b.keySet());
    }

    private static Map<Lang, String> langMap(Object raw) {
        Map<Lang, String> out = new EnumMap<>(Lang.class);
        if (raw instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(Lang.of(String.valueOf(k)), String.valueOf(v)));
        }
        return out;
    }

    private Map<String, Object> yaml(String resource) {
        return yaml(classLoader, resource);
    }

    /** One catalogue file as a mapping; a missing or unreadable file is a {@link CatalogueException}. */
    static Map<String, Object> yaml(ClassLoader classLoader, String resource) {
        Map<String, Object> document = optionalYaml(classLoader, resource);
        if (document == null) {
            throw new CatalogueException("Missing catalogue file " + resource);
        }
        return document;
    }

    /** One catalogue file as a mapping, or null when there is no such file. */
    static Map<String, Object> optionalYaml(ClassLoader classLoader, String resource) {
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
            return asMap(yaml.load(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new CatalogueException("Cannot read " + resource + ": " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object o) {
        if (o instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new CatalogueException("Expected a mapping, found: " + o);
    }

    private static Map<String, Object> map(Map<String, Object> m, String key, String file) {
        if (!(m.get(key) instanceof Map<?, ?>)) {
            throw new CatalogueException(file + ": '" + key + "' must be a mapping");
        }
        return asMap(m.get(key));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> m, String key, String file) {
        if (!(m.get(key) instanceof List<?>)) {
            throw new CatalogueException(file + ": '" + key + "' must be a list");
        }
        return (List<Object>) m.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> listOrEmpty(Map<String, Object> m, String key) {
        return m.get(key) instanceof List<?> l ? (List<Object>) l : List.of();
    }

    private static String string(Map<String, Object> m, String key, String where) {
        if (m.get(key) == null) {
            throw new CatalogueException(where + ": '" + key + "' is missing");
        }
        return String.valueOf(m.get(key));
    }

    private static String upper(Object o) {
        return String.valueOf(o).toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
