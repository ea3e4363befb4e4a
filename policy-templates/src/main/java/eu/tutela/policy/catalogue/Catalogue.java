package eu.tutela.policy.catalogue;

import eu.tutela.policy.Lang;
import eu.tutela.policy.variables.SupervisoryAuthority;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The templates shipped as resource files. Loading checks that every placeholder and condition the
 * text uses is declared, and that every section has a text in every language (and a pupil text too,
 * when the template has one), so that a jurist's editing mistake fails the build rather than a
 * tenant's rendering.
 */
public final class Catalogue {

    /** Values computed from others (country → age of consent…) or from the publication itself. */
    public static final Set<String> DERIVED = Set.of("policy.version", "policy.date", "consent.age", "country.name", "country.in");

    private final List<PolicyTemplate> templates;

    private Catalogue(List<PolicyTemplate> templates) {
        this.templates = List.copyOf(templates);
        templates.forEach(Catalogue::check);
    }

    /** Loads and checks the templates, the labels (labels/*.yaml) and the supervisory authorities (authorities.yaml). */
    public static Catalogue load() {
        return load(Catalogue.class.getClassLoader());
    }

    /** The templates as the given class loader finds them; tests use it to load a broken copy of a file. */
    static Catalogue load(ClassLoader classLoader) {
        Labels.get();
        SupervisoryAuthority.all();
        return new Catalogue(new CatalogueLoader(classLoader).load());
    }

    public List<PolicyTemplate> templates() {
        return templates;
    }

    public Optional<PolicyTemplate> find(String id) {
        return templates.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    private static void check(PolicyTemplate template) {
        Set<String> known = new HashSet<>(DERIVED);
        template.variables().forEach(v -> known.add(v.name()));
        for (Lang lang : Lang.values()) {
            checkText(template, known, template.text(lang), template.id() + "/" + lang.code(), "no text");
            String pupilFile = CatalogueLoader.pupilFile(template.id(), lang);
            template.pupilText(lang).ifPresent(pupil -> {
                checkText(template, known, pupil, pupilFile, "no pupil text");
                for (String id : pupil.sections().keySet()) {
                    if (template.section(id).isEmpty()) {
                        throw new CatalogueException(pupilFile + " section " + id + ": not a section of " + template.id());
                    }
                }
            });
        }
    }

    private static void checkText(PolicyTemplate template, Set<String> known, TemplateText text, String file, String noText) {
        for (SectionDefinition section : template.sections()) {
            SectionText st = text.sections().get(section.id());
            String where = file + " section " + section.id();
            if (st == null) {
                throw new CatalogueException(where + ": " + noText);
            }
            for (Block block : st.blocks()) {
                List<String> texts = new ArrayList<>();
                List<String> conditions = new ArrayList<>();
                texts.add(block.text());
                texts.add(block.heading());
                conditions.add(block.when());
                block.items().forEach(i -> {
                    texts.add(i.text());
                    conditions.add(i.when());
                });
                if (block.each() != null && !known.contains(block.each())) {
                    throw new CatalogueException(where + ": each over unknown variable " + block.each());
                }
                texts.add(st.title());
                for (String t : texts) {
                    for (String name : Placeholders.names(t)) {
                        if (!name.startsWith(".") && !known.contains(name)) {
                            throw new CatalogueException(where + ": unknown placeholder {{" + name + "}}");
                        }
                    }
                    for (String filter : Placeholders.filters(t)) {
                        if (!Placeholders.FILTERS.contains(filter)) {
                            throw new CatalogueException(where + ": unknown filter |" + filter + " (known: "
                                    + String.join(", ", new TreeSet<>(Placeholders.FILTERS)) + ")");
                        }
                    }
                }
                for (String c : conditions) {
                    checkCondition(template, known, c, where);
                }
            }
        }
    }

    private static void checkCondition(PolicyTemplate template, Set<String> known, String condition, String where) {
        if (condition == null) {
            return;
        }
        for (String part : condition.split("\\s*&\\s*")) {
            String c = part.startsWith("!") ? part.substring(1) : part;
            if (c.startsWith("set:")) {
                if (!known.contains(c.substring(4))) {
                    throw new CatalogueException(where + ": condition on unknown variable " + c);
                }
            } else if (c.startsWith("category:") || c.startsWith("channel:") || c.startsWith("marketing:") || c.equals("transfers")) {
                // checked against enums when evaluated; an unknown code is simply never true
            } else {
                String[] idAndOption = c.split("=", 2);
                ClauseDefinition clause = template.clause(idAndOption[0])
                        .orElseThrow(() -> new CatalogueException(where + ": condition on unknown clause " + c));
                if (idAndOption.length == 2 && !clause.options().contains(idAndOption[1])) {
                    throw new CatalogueException(where + ": clause " + clause.id() + " has no option " + idAndOption[1]);
                }
            }
        }
    }
}
