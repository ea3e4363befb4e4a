package eu.tutela.policy.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {{name}}} and {@code {{name|filter}}} placeholders of catalogue text. {@code {{.field}}}
 * refers to a field of the current item inside an "each" block.
 */
public final class Placeholders {

    public static final Pattern PATTERN = Pattern.compile("\\{\\{\\s*(\\.?[A-Za-z0-9._-]*)\\s*(?:\\|\\s*([a-z]+)\\s*)?}}");

    /**
     * What may follow a placeholder's "|": "or" and "and" (the word before a list's last item) and
     * "capital" (the value with a capital first letter, to start a sentence).
     */
    public static final Set<String> FILTERS = Set.of("and", "or", "capital");

    private Placeholders() {
    }

    public static List<String> filters(String text) {
        List<String> filters = new ArrayList<>();
        Matcher m = PATTERN.matcher(text == null ? "" : text);
        while (m.find()) {
            if (m.group(2) != null) {
                filters.add(m.group(2));
            }
        }
        return filters;
    }

    public static List<String> names(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = PATTERN.matcher(text == null ? "" : text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
