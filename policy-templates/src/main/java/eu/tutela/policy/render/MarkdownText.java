package eu.tutela.policy.render;

/**
 * Escapes a tenant's value so that Markdown reads it as literal text: it can then neither open a
 * link, an emphasis or a list, nor smuggle raw HTML (which the HTML step escapes again anyway).
 */
public final class MarkdownText {

    // Compiled once: escaping runs for every value of every rendering.
    private static final java.util.regex.Pattern BREAKS = java.util.regex.Pattern.compile("[\\r\\n\\t]+");
    private static final java.util.regex.Pattern LIST_NUMBER = java.util.regex.Pattern.compile("^(\\d+)([.)])");

    private MarkdownText() {
    }

    public static String escape(String value) {
        String oneLine = BREAKS.matcher(value).replaceAll(" ").strip();
        StringBuilder out = new StringBuilder(oneLine.length() + 8);
        for (int i = 0; i < oneLine.length(); i++) {
            char c = oneLine.charAt(i);
            if ("\\`*_[]<>#!|~&{}".indexOf(c) >= 0) {
                out.append('\\');
            } else if ((c == '-' || c == '+' || c == '=') && i == 0) {
                out.append('\\');
            }
            out.append(c);
        }
        // A leading "1." would start an ordered list.
        return LIST_NUMBER.matcher(out).replaceFirst("$1\\\\$2");
    }
}
