package eu.tutela.policy.variables;

import eu.tutela.policy.Lang;
import eu.tutela.policy.catalogue.VariableDefinition;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks one raw value against its variable's type; each failure is a {@link Problem} naming the variable. */
public final class ValueChecks {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 .()-]{4,22}");
    /** Anything a browser could read as a tag, a comment or a script URL. Plain text needs none of it. */
    private static final Pattern MARKUP = Pattern.compile("<\\s*[A-Za-z/!?]|javascript\\s*:|vbscript\\s*:|data\\s*:\\s*text/html",
            Pattern.CASE_INSENSITIVE);

    private ValueChecks() {
    }

    public static boolean containsMarkup(String text) {
        return text != null && MARKUP.matcher(text).find();
    }

    static List<Problem> check(VariableDefinition def, Object raw) {
        String name = def.name();
        Map<Lang, String> label = def.label();
        List<Problem> problems = new ArrayList<>();
        switch (def.type()) {
            case TEXT -> checkText(name, label, raw, problems);
            case TEXT_LIST -> {
                if (!(raw instanceof List<?> list)) {
                    problems.add(Problem.of(name, label, "value.notList"));
                } else {
                    list.forEach(item -> checkText(name, label, item, problems));
                }
            }
            case EMAIL -> {
                if (!(raw instanceof String s) || !EMAIL.matcher(s.trim()).matches()) {
                    problems.add(Problem.of(name, label, "value.email", String.valueOf(raw)));
                }
            }
            case URL -> {
                if (!(raw instanceof String s) || !isWebAddress(s.trim())) {
                    problems.add(Problem.of(name, label, "value.url", String.valueOf(raw)));
                }
            }
            case PHONE -> {
                String digits = String.valueOf(raw).replaceAll("\\D", "");
                if (!(raw instanceof String s) || !PHONE.matcher(s.trim()).matches() || digits.length() < 6 || digits.length() > 15) {
                    problems.add(Problem.of(name, label, "value.phone", String.valueOf(raw)));
                }
            }
            case DURATION -> {
                var parsed = raw instanceof String s ? DurationValue.parse(s) : java.util.Optional.<DurationValue>empty();
                if (parsed.isEmpty()) {
                    problems.add(Problem.of(name, label, "value.duration", String.valueOf(raw)));
                } else if (parsed.get().amount() <= 0) {
                    problems.add(Problem.of(name, label, "value.durationNotPositive", String.valueOf(raw)));
                }
            }
            case COUNTRY -> {
                if (!(raw instanceof String s) || !Countries.isIso(s.trim())) {
                    problems.add(Problem.of(name, label, "value.country", String.valueOf(raw)));
                }
            }
            case INTEGER -> {
                if (!(raw instanceof String s) || !s.trim().matches("\\d{1,3}")) {
                    problems.add(Problem.of(name, label, "value.integer", String.valueOf(raw)));
                }
            }
            case CHANNELS -> checkCodes(name, label, raw, Channel.class, problems);
            case RECIPIENT_CATEGORIES -> checkCodes(name, label, raw, RecipientCategory.class, problems);
            case PROCESSORS -> checkProcessors(name, label, raw, problems);
        }
        return problems;
    }

    private static void checkText(String name, Map<Lang, String> label, Object raw, List<Problem> problems) {
        if (!(raw instanceof String s)) {
            problems.add(Problem.of(name, label, "value.notText"));
        } else if (containsMarkup(s)) {
            problems.add(Problem.of(name, label, "value.markup"));
        }
    }

    private static boolean isWebAddress(String s) {
        try {
            URI uri = new URI(s);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !containsMarkup(s);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static <E extends Enum<E>> void checkCodes(String name, Map<Lang, String> label, Object raw, Class<E> type,
                                                       List<Problem> problems) {
        if (!(raw instanceof List<?> list)) {
            problems.add(Problem.of(name, label, "value.notList"));
            return;
        }
        for (Object item : list) {
            if (parseEnum(type, item) == null) {
                problems.add(Problem.of(name, label, "value.code", String.valueOf(item), allowed(type)));
            }
        }
    }

    private static void checkProcessors(String name, Map<Lang, String> label, Object raw, List<Problem> problems) {
        if (!(raw instanceof List<?> list)) {
            problems.add(Problem.of(name, label, "value.notList"));
            return;
        }
        int index = 0;
        for (Object item : list) {
            index++;
            String at = name + "[" + index + "]";
            if (!(item instanceof Map<?, ?> p)) {
                problems.add(Problem.of(at, label, "processor.shape"));
                continue;
            }
            checkText(at + ".name", label, p.get("name"), problems);
            if (parseEnum(RecipientCategory.class, p.get("category")) == null) {
                problems.add(Problem.of(at + ".category", label, "value.code", String.valueOf(p.get("category")), allowed(RecipientCategory.class)));
            }
            Object country = p.get("country");
            if (!(country instanceof String c) || !Countries.isIso(c)) {
                problems.add(Problem.of(at + ".country", label, "value.country", String.valueOf(country)));
            } else if (!Countries.isEea(c)) {
                if (p.get("safeguard") == null) {
                    problems.add(Problem.of(at + ".safeguard", label, "processor.safeguardMissing", c));
                } else if (parseEnum(TransferSafeguard.class, p.get("safeguard")) == null) {
                    problems.add(Problem.of(at + ".safeguard", label, "value.code", String.valueOf(p.get("safeguard")), allowed(TransferSafeguard.class)));
                }
            }
        }
    }

    /** Null when the raw value is not one of the enum's codes (case and dashes ignored). */
    public static <E extends Enum<E>> E parseEnum(Class<E> type, Object raw) {
        if (raw == null) {
            return null;
        }
        String code = String.valueOf(raw).trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(code)) {
                return e;
            }
        }
        return null;
    }

    private static <E extends Enum<E>> String allowed(Class<E> type) {
        return String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }
}
