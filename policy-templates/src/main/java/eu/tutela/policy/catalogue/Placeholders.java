package eu.tutela.policy.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {{name}}} and {@code {{name|filter}}} placeholders of catalogue text. {@code {{.field}}}
 * refers to a field of the current item inside an "each" block.
 */
public final class Placeholders {

    public static final Pattern PATTERN = Pattern.compile("\\{\\{\\s*(\\.?[A-Za-z0-9._-]*)\\s*(?:\\|\\s*([a-z]+)\\s*)?}}");

    private Placeholders() {
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
