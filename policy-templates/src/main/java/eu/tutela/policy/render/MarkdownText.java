package eu.tutela.policy.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Escapes a tenant's value so that Markdown reads it as literal text: it can then open neither a link,
 * an emphasis, a code span nor raw HTML (which the HTML step escapes again anyway), and, at the start
 * of a line, neither a heading, a list, a quote, a rule nor a code block. Only a character that is
 * markup where it stands gets a backslash, so that "Version 1.0 (rev. 2) - final" reads as typed.
 */
public final class MarkdownText {

    // Compiled once: escaping runs for every value of every rendering.
    private static final Pattern BREAKS = Pattern.compile("[\\r\\n\\t]+");
    /** "&amp;", "&#38;", "&#x26;": Markdown would print the character they name. */
    private static final Pattern ENTITY = Pattern.compile("&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});");
    /** "1." or "1)" followed by a space, or ending the value, would start an ordered list. */
    private static final Pattern LIST_NUMBER = Pattern.compile("^(\\d{1,9})[.)](?=[ \\t]|$)");
    /** A heading, a block quote, a bullet, a thematic break (or setext underline), a code fence. */
    private static final Pattern BLOCK_START = Pattern.compile(
            "#{1,6}(?:[ \\t]|$)|>|[-+*](?:[ \\t]|$)|[-=_*](?:[ \\t]*[-=_*])*[ \\t]*$|~~~|```");

    private MarkdownText() {
    }

    /**
     * The value on one line, escaped for the middle of a line. A value that may start a line (a
     * paragraph, a bullet) must also go through {@link #atLineStart}.
     */
    public static String escape(String value) {
        String oneLine = BREAKS.matcher(value).replaceAll(" ").strip();
        int n = oneLine.length();
        StringBuilder out = new StringBuilder(n + 8);
        for (int i = 0; i < n; i++) {
            char c = oneLine.charAt(i);
            boolean markup = switch (c) {
                // emphasis, code span, link or image, autolink or raw HTML, (GFM) strikethrough
                case '*', '`', '[', ']', '<', '~' -> true;
                // a backslash escapes the punctuation after it; a final one would meet the text that follows
                case '\\' -> i + 1 == n || isAsciiPunctuation(oneLine.charAt(i + 1));
                // an underscore inside a word ("snake_case") never opens or closes an emphasis
                case '_' -> i == 0 || i + 1 == n
                        || !Character.isLetterOrDigit(oneLine.charAt(i - 1)) || !Character.isLetterOrDigit(oneLine.charAt(i + 1));
                case '&' -> ENTITY.matcher(oneLine).region(i, n).lookingAt();
                // "#"s ending the value after a space would close a heading ("### Title #")
                case '#' -> (i == 0 || oneLine.charAt(i - 1) == ' ') && onlyHashes(oneLine, i);
                default -> false;
            };
            if (markup) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Markdown (an escaped value) placed at the start of a line: escapes what would make it a block. */
    public static String atLineStart(String markdown) {
        Matcher number = LIST_NUMBER.matcher(markdown);
        if (number.find()) {
            return number.group(1) + "\\" + markdown.substring(number.end(1));
        }
        return BLOCK_START.matcher(markdown).lookingAt() ? "\\" + markdown : markdown;
    }

    private static boolean onlyHashes(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) != '#') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiPunctuation(char c) {
        return c < 128 && "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".indexOf(c) >= 0;
    }
}
