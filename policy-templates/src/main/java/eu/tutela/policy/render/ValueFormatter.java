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
 * Writes a raw value into the policy as Markdown, in the language of one rendering, with the words of the
 * catalogue's labels (asked here, once per value: the codes themselves are plain enums). It never trusts the
 * value: anything that is not what its type expects is written as escaped plain text, so even a
 * value that skipped validation cannot become a link, a tag or a script.
 */
final class ValueFormatter {

    private static final Pattern SAFE_EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern SAFE_URL = Pattern.compile("https?://[A-Za-z0-9.-]+(:\\d+)?(/[A-Za-z0-9._~%/?#=&+-]*)?");

    private final Labels labels;
    private final Lang lang;

    ValueFormatter(Labels labels, Lang lang) {
        this.labels = labels;
        this.lang = lang;
    }

    String format(VariableDefinition def, Object raw, String joiner) {
        return switch (def.type()) {
            case EMAIL -> email(String.valueOf(raw));
            case URL -> url(String.valueOf(raw));
            case DURATION -> DurationValue.parse(String.valueOf(raw)).filter(d -> d.amount() > 0)
                    .map(d -> labels.duration(d, lang)).orElseGet(() -> MarkdownText.escape(String.valueOf(raw)));
            case COUNTRY -> country(raw);
            case CHANNELS -> join(items(raw).stream().map(this::channel).toList(), joiner);
            case RECIPIENT_CATEGORIES -> join(items(raw).stream().map(this::category).toList(), joiner);
            case TEXT_LIST -> join(items(raw).stream().map(i -> MarkdownText.escape(String.valueOf(i))).toList(), joiner);
            case PROCESSORS -> join(items(raw).stream().map(i -> processorField(i, "name")).toList(), joiner);
            default -> MarkdownText.escape(String.valueOf(raw));
        };
    }

    /** "en France", "in Belgium": the country with the preposition its name takes. */
    String countryIn(Object raw) {
        return labels.countryIn(String.valueOf(raw).trim(), lang);
    }

    String country(Object raw) {
        return MarkdownText.escape(Countries.name(String.valueOf(raw).trim(), lang));
    }

    static String email(String raw) {
        String s = raw.strip();
        return SAFE_EMAIL.matcher(s).matches() ? "[" + MarkdownText.escape(s) + "](mailto:" + s + ")" : MarkdownText.escape(s);
    }

    static String url(String raw) {
        String s = raw.strip();
        return SAFE_URL.matcher(s).matches() && !ValueChecks.containsMarkup(s) ? "<" + s + ">" : MarkdownText.escape(s);
    }

    String channel(Object raw) {
        return code(Channel.class, raw);
    }

    String category(Object raw) {
        return code(RecipientCategory.class, raw);
    }

    /** The label of a code in this rendering's language; a value that is no such code is written as escaped text. */
    private <E extends Enum<E>> String code(Class<E> type, Object raw) {
        E code = ValueChecks.parseEnum(type, raw);
        return code == null ? MarkdownText.escape(String.valueOf(raw)) : labels.label(code, lang);
    }

    /** A field of one processor entry: name, category, country, safeguard. */
    String processorField(Object entry, String field) {
        if (!(entry instanceof Map<?, ?> p)) {
            return MarkdownText.escape(String.valueOf(entry));
        }
        Object raw = p.get(field);
        if (raw == null) {
            return "";
        }
        return switch (field) {
            case "category" -> category(raw);
            case "country" -> country(raw);
            case "safeguard" -> code(TransferSafeguard.class, raw);
            default -> MarkdownText.escape(String.valueOf(raw));
        };
    }

    static List<?> items(Object raw) {
        return raw instanceof List<?> l ? l.stream().filter(Objects::nonNull).toList() : List.of(raw);
    }

    /** "a, b et c" / "a, b and c"; joiner "or" gives "ou" / "or" (the words are in the catalogue's labels). */
    String join(List<String> parts, String joiner) {
        if (parts.size() <= 1) {
            return parts.isEmpty() ? "" : parts.getFirst();
        }
        String last = " " + labels.conjunction("or".equals(joiner), lang) + " ";
        String head = String.join(", ", parts.subList(0, parts.size() - 1));
        return head + (lang == Lang.EN && parts.size() > 2 ? "," : "") + last + parts.getLast();
    }
}
