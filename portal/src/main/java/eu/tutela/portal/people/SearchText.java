package eu.tutela.portal.people;

import java.text.Normalizer;
import java.util.Locale;

/** Names as searched: without accents (decomposed, marks removed), lower case, single spaces. */
final class SearchText {

    private SearchText() {
    }

    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae").replaceAll("\\s+", " ").strip();
    }
}
