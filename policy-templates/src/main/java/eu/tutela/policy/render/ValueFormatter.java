package eu.tutela.policy.render;

import eu.tutela.policy.Lang;
import eu.tutela.policy.catalogue.Labels;
import eu.tutela.policy.catalogue.VariableDefinition;
import eu.tutela.policy.variables.Channel;
import eu.tutela.policy.variables.Countries;
import eu.tutela.policy.variables.DurationValue;
import eu.tutela.policy.variables.RecipientCategory;
import eu.tutela.policy.variables.TransferSafeguard;
import eu.tutela.policy.variables.ValueChecks;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Writes a raw value into the policy as Markdown, in the policy's language. It never trusts the
 * value: anything that is not what its type expects is written as escaped plain text, so even a
 * value that skipped validation cannot become a link, a tag or a script.
 */
final class ValueFormatter {

    private static final Pattern SAFE_EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern SAFE_URL = Pattern.compile("https?://[A-Za-z0-9.-]+(:\\d+)?(/[A-Za-z0-9._~%/?#=&+-]*)?");

    private ValueFormatter() {
    }

    static String format(VariableDefinition def, Object raw, Lang lang, String joiner) {
        return switch (def.type()) {
            case EMAIL -> email(String.valueOf(raw));
            case URL -> url(String.valueOf(raw));
            case DURATION -> DurationValue.parse(String.valueOf(raw)).filter(d -> d.amount() > 0)
                    .map(d -> d.format(lang)).orElseGet(() -> MarkdownText.escape(String.valueOf(raw)));
            case COUNTRY -> MarkdownText.escape(Countries.name(String.valueOf(raw).trim(), lang));
            case CHANNELS -> join(items(raw).stream().map(i -> channel(i, lang)).toList(), lang, joiner);
            case RECIPIENT_CATEGORIES -> join(items(raw).stream().map(i -> category(i, lang)).toList(), lang, joiner);
            case TEXT_LIST -> join(items(raw).stream().map(i -> MarkdownText.escape(String.valueOf(i))).toList(), lang, joiner);
            case PROCESSORS -> join(items(raw).stream().map(i -> processorField(i, "name", lang)).toList(), lang, joiner);
            default -> MarkdownText.escape(String.valueOf(raw));
        };
    }

    static String email(String raw) {
        String s = raw.strip();
        return SAFE_EMAIL.matcher(s).matches() ? "[" + MarkdownText.escape(s) + "](mailto:" + s + ")" : MarkdownText.escape(s);
    }

    static String url(String raw) {
        String s = raw.strip();
        return SAFE_URL.matcher(s).matches() && !ValueChecks.containsMarkup(s) ? "<" + s + ">" : MarkdownText.escape(s);
    }

    static String channel(Object raw, Lang lang) {
        Channel c = ValueChecks.parseEnum(Channel.class, raw);
        return c == null ? MarkdownText.escape(String.valueOf(raw)) : c.label(lang);
    }

    static String category(Object raw, Lang lang) {
        RecipientCategory c = ValueChecks.parseEnum(RecipientCategory.class, raw);
        return c == null ? MarkdownText.escape(String.valueOf(raw)) : c.label(lang);
    }

    /** A field of one processor entry: name, category, country, safeguard. */
    static String processorField(Object entry, String field, Lang lang) {
        if (!(entry instanceof Map<?, ?> p)) {
            return MarkdownText.escape(String.valueOf(entry));
        }
        Object raw = p.get(field);
        if (raw == null) {
            return "";
        }
        return switch (field) {
            case "category" -> category(raw, lang);
            case "country" -> MarkdownText.escape(Countries.name(String.valueOf(raw).trim(), lang));
            case "safeguard" -> {
                TransferSafeguard s = ValueChecks.parseEnum(TransferSafeguard.class, raw);
                yield s == null ? MarkdownText.escape(String.valueOf(raw)) : s.label(lang);
            }
            default -> MarkdownText.escape(String.valueOf(raw));
        };
    }

    static List<?> items(Object raw) {
        return raw instanceof List<?> l ? l.stream().filter(Objects::nonNull).toList() : List.of(raw);
    }

    /** "a, b et c" / "a, b and c"; joiner "or" gives "ou" / "or" (the words are in the catalogue's labels). */
    static String join(List<String> parts, Lang lang, String joiner) {
        if (parts.size() <= 1) {
            return parts.isEmpty() ? "" : parts.getFirst();
        }
        String last = " " + Labels.get().conjunction("or".equals(joiner), lang) + " ";
        String head = String.join(", ", parts.subList(0, parts.size() - 1));
        return head + (lang == Lang.EN && parts.size() > 2 ? "," : "") + last + parts.getLast();
    }
}
