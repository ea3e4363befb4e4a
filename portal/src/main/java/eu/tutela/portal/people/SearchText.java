package eu.tutela.portal.people;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Names as searched: without accents (decomposed, marks removed), lower case, single spaces. */
final class SearchText {

    /** Compiled once: the fold runs for every row of a roster (String.replaceAll would compile them each time). */
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private SearchText() {
    }

    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        return SPACES.matcher(decomposed.toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae")).replaceAll(" ").strip();
    }
}
