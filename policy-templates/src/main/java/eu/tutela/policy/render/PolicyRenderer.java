package eu.tutela.policy.render;

import eu.tutela.policy.Lang;
import eu.tutela.policy.catalogue.Block;
import eu.tutela.policy.catalogue.ClauseDefinition;
import eu.tutela.policy.catalogue.Labels;
import eu.tutela.policy.catalogue.Placeholders;
import eu.tutela.policy.catalogue.PolicyTemplate;
import eu.tutela.policy.catalogue.SectionDefinition;
import eu.tutela.policy.catalogue.SectionText;
import eu.tutela.policy.catalogue.TemplateText;
import eu.tutela.policy.catalogue.VariableDefinition;
import eu.tutela.policy.variables.Channel;
import eu.tutela.policy.variables.Countries;
import eu.tutela.policy.variables.DigitalConsentAge;
import eu.tutela.policy.variables.PolicyValues;
import eu.tutela.policy.variables.RecipientCategory;
import eu.tutela.policy.variables.SupervisoryAuthority;
import eu.tutela.policy.variables.ValueChecks;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Resolves a template's text with a tenant's values: conditions decide which blocks and bullets
 * appear, placeholders are replaced by escaped values, free text is appended to its section.
 * It does not validate (the facade does); a placeholder without a value is an error, never left in
 * the output.
 */
public final class PolicyRenderer {

    private static final java.util.regex.Pattern AND = java.util.regex.Pattern.compile("\\s*&\\s*");

    private PolicyRenderer() {
    }

    public static RenderedPolicy render(PolicyTemplate template, PolicyValues values, Lang lang) {
        return render(template, template.text(lang), values, values.freeText(), lang);
    }

    /**
     * The template's pupil text with the same values and clauses. The tenant's free text is left out: it
     * is written for adults, and the full policy, which pupils are pointed to, keeps it.
     */
    public static RenderedPolicy renderForPupils(PolicyTemplate template, PolicyValues values, Lang lang) {
        TemplateText text = template.pupilText(lang)
                .orElseThrow(() -> new IllegalArgumentException("Template " + template.id() + " has no pupil text"));
        return render(template, text, values, Map.of(), lang);
    }

    private static RenderedPolicy render(PolicyTemplate template, TemplateText templateText, PolicyValues values,
                                         Map<String, String> freeText, Lang lang) {
        Map<String, Object> raw = new HashMap<>(values.values());
        addDerived(raw, values);
        Context context = new Context(template, raw, template.clauseChoices(values), lang, new ValueFormatter(Labels.get(), lang));
        List<RenderedSection> sections = new ArrayList<>();
        int number = 0;
        for (SectionDefinition def : template.sections()) {
            SectionText text = templateText.sections().get(def.id());
            StringBuilder md = new StringBuilder();
            for (Block block : text.blocks()) {
                if (context.holds(block.when())) {
                    appendBlock(md, block, context);
                }
            }
            String free = freeText.get(def.id());
            if (free != null && !free.isBlank()) {
                md.append(free.strip()).append("\n\n");
            }
            if (md.isEmpty()) {
                continue; // a section whose every block is switched off is left out, numbering included
            }
            number++;
            sections.add(new RenderedSection(def.id(), def.topic(), number + ". " + context.fill(text.title(), null), md.toString()));
        }
        String controller = String.valueOf(raw.getOrDefault("controller.name", ""));
        return new RenderedPolicy(template.id(), lang, templateText.title(), controller,
                String.valueOf(values.version()), formatDate(String.valueOf(values.date()), lang), sections);
    }

    private static void appendBlock(StringBuilder md, Block block, Context context) {
        List<String> bullets = new ArrayList<>();
        switch (block.kind()) {
            case PARAGRAPH -> {
                heading(md, block, context);
                md.append(context.fill(block.text(), null)).append("\n\n");
                return;
            }
            case ITEMS -> block.items().stream().filter(i -> context.holds(i.when()))
                    .forEach(i -> bullets.add(context.fill(i.text(), null)));
            case EACH -> {
                for (Object item : ValueFormatter.items(context.raw.getOrDefault(block.each(), List.of()))) {
                    if (context.matches(item, block.where())) {
                        bullets.add(context.fill(block.text(), item));
                    }
                }
            }
        }
        if (!bullets.isEmpty()) {
            heading(md, block, context);
            bullets.forEach(b -> md.append("- ").append(b).append('\n'));
            md.append('\n');
        }
    }

    private static void heading(StringBuilder md, Block block, Context context) {
        if (block.heading() != null) {
            md.append("### ").append(context.fill(block.heading(), null)).append("\n\n");
        }
    }

    private static void addDerived(Map<String, Object> raw, PolicyValues values) {
        String country = String.valueOf(raw.getOrDefault("controller.country", "")).trim();
        Object override = raw.get("consent.age.override");
        raw.put("consent.age", override != null && String.valueOf(override).trim().matches("\\d{1,3}")
                ? String.valueOf(override).trim() : String.valueOf(DigitalConsentAge.forCountry(country)));
        SupervisoryAuthority.forCountry(country).ifPresent(a -> {
            raw.putIfAbsent("authority.name", a.name());
            raw.putIfAbsent("authority.url", a.url());
        });
        raw.put("policy.version", values.version());
        raw.put("policy.date", values.date());
        raw.put("country.name", country);
        raw.put("country.in", country);
    }

    /** The values and clause choices of one rendering. */
    private record Context(PolicyTemplate template, Map<String, Object> raw, Map<String, String> clauses, Lang lang,
            ValueFormatter values) {

        boolean holds(String condition) {
            if (condition == null) {
                return true;
            }
            for (String part : AND.split(condition)) {
                boolean negate = part.startsWith("!");
                if (holdsOne(negate ? part.substring(1) : part) == negate) {
                    return false;
                }
            }
            return true;
        }

        private boolean holdsOne(String c) {
            if (c.startsWith("set:")) {
                Object v = raw.get(c.substring(4));
                return v != null && !(v instanceof String s && s.isBlank()) && !(v instanceof List<?> l && l.isEmpty());
            }
            if (c.startsWith("channel:") || c.startsWith("marketing:")) {
                Channel wanted = ValueChecks.parseEnum(Channel.class, c.substring(c.indexOf(':') + 1));
                String variable = c.startsWith("channel:") ? "contact.channels" : "marketing.channels";
                return ValueFormatter.items(raw.getOrDefault(variable, List.of())).stream()
                        .anyMatch(i -> ValueChecks.parseEnum(Channel.class, i) == wanted);
            }
            if (c.startsWith("category:")) {
                RecipientCategory wanted = ValueChecks.parseEnum(RecipientCategory.class, c.substring(9));
                boolean listed = ValueFormatter.items(raw.getOrDefault("recipients.categories", List.of())).stream()
                        .anyMatch(i -> ValueChecks.parseEnum(RecipientCategory.class, i) == wanted);
                return listed || ValueFormatter.items(raw.getOrDefault("processors", List.of())).stream()
                        .anyMatch(p -> p instanceof Map<?, ?> m && ValueChecks.parseEnum(RecipientCategory.class, m.get("category")) == wanted);
            }
            if (c.equals("transfers")) {
                return ValueFormatter.items(raw.getOrDefault("processors", List.of())).stream().anyMatch(this::outsideEea);
            }
            String[] idAndOption = c.split("=", 2);
            String chosen = clauses.get(idAndOption[0]);
            return idAndOption.length == 2 ? idAndOption[1].equals(chosen) : ClauseDefinition.ON.equals(chosen);
        }

        private boolean outsideEea(Object processor) {
            return processor instanceof Map<?, ?> m && m.get("country") != null && !Countries.isEea(String.valueOf(m.get("country")).trim());
        }

        /** Whether an item of an "each" list passes its filter: "category=HOSTING", "outside-eea", "inside-eea". */
        boolean matches(Object item, String where) {
            if (where == null) {
                return true;
            }
            if (where.equals("outside-eea")) {
                return outsideEea(item);
            }
            if (where.startsWith("category=")) {
                return item instanceof Map<?, ?> m
                        && ValueChecks.parseEnum(RecipientCategory.class, m.get("category"))
                        == ValueChecks.parseEnum(RecipientCategory.class, where.substring(9));
            }
            throw new IllegalStateException("Unknown filter '" + where + "'");
        }

        /**
         * The text with its placeholders replaced. A value is escaped for the middle of a line; one that
         * starts a line (a paragraph, a bullet, a heading) is also kept from reading as a list or heading.
         */
        String fill(String text, Object item) {
            Matcher m = Placeholders.PATTERN.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, "");
                String value = value(m.group(1), m.group(2), item);
                if ("capital".equals(m.group(2))) {
                    value = capitalise(value);
                }
                boolean lineStart = out.isEmpty() || out.charAt(out.length() - 1) == '\n';
                out.append(lineStart ? MarkdownText.atLineStart(value) : value);
            }
            m.appendTail(out);
            return out.toString();
        }

        private static String capitalise(String text) {
            if (text.isEmpty()) {
                return text;
            }
            int first = text.codePointAt(0);
            return new StringBuilder(text.length()).appendCodePoint(Character.toTitleCase(first))
                    .append(text, Character.charCount(first), text.length()).toString();
        }

        private String value(String name, String filter, Object item) {
            if (name.equals(".")) {
                return item instanceof String s ? MarkdownText.escape(s) : values.channel(item);
            }
            if (name.startsWith(".")) {
                return values.processorField(item, name.substring(1));
            }
            Object v = raw.get(name);
            if (v == null || (v instanceof String s && s.isBlank())) {
                throw new IllegalStateException("No value for {{" + name + "}} in template " + template.id());
            }
            if (name.equals("policy.date")) {
                return formatDate(String.valueOf(v), lang);
            }
            if (name.equals("country.in")) {
                return values.countryIn(v);
            }
            VariableDefinition def = template.variable(name).orElse(null);
            if (def == null) {
                return name.equals("country.name") ? values.country(v) : MarkdownText.escape(String.valueOf(v));
            }
            return values.format(def, v, filter);
        }
    }

    /** "2 novembre 2026" / "2 November 2026"; an unparseable date is written as given, escaped. */
    static String formatDate(String iso, Lang lang) {
        try {
            return LocalDate.parse(iso.trim()).format(DateTimeFormatter.ofPattern("d MMMM yyyy", lang.locale()));
        } catch (RuntimeException e) {
            return MarkdownText.escape(iso);
        }
    }
}
