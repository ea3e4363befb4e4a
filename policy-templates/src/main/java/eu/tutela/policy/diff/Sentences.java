package eu.tutela.policy.diff;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits a section's text into sentences: each line (paragraph, bullet, subheading) is split further. */
final class Sentences {

    private Sentences() {
    }

    static List<String> ofMarkdown(String markdown, Locale locale) {
        List<String> sentences = new ArrayList<>();
        for (String line : markdown.split("\n")) {
            String plain = line.replaceFirst("^\\s*(#{1,6}|[-*+]|\\d+[.)])\\s+", "")
                    .replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1")
                    .replaceAll("<(https?://[^>]+)>", "$1")
                    .replace("**", "")
                    .replaceAll("\\\\(.)", "$1")
                    .strip();
            split(plain, locale, sentences);
        }
        return sentences;
    }

    static void split(String text, Locale locale, List<String> into) {
        if (text.isBlank()) {
            return;
        }
        BreakIterator it = BreakIterator.getSentenceInstance(locale);
        it.setText(text);
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            String s = text.substring(start, end).strip();
            if (!s.isEmpty()) {
                into.add(s);
            }
        }
    }

    /** Lower case, letters and digits only: two sentences equal here differ only in wording details. */
    static String normalised(String sentence) {
        return sentence.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }
}
