package eu.tutela.policy;

import eu.tutela.policy.render.RenderedPolicy;
import eu.tutela.policy.render.RenderedSection;
import eu.tutela.policy.variables.PolicyValues;
import org.junit.jupiter.api.Test;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rough guard on the pupil text's plain language, not a readability formula: the sections' text (titles
 * left out), with every optional block switched on, averages under 15 words a sentence in each language,
 * and no sentence runs on past 25 words. A bullet counts as a sentence; a word is anything with a letter
 * or a digit between spaces ("l’école", "e-mail" and "72" are one word each). The figures of the full
 * policy are printed beside for comparison.
 */
class PupilTextReadabilityTest {

    static final double MAX_AVERAGE_WORDS = 15;
    static final int MAX_SENTENCE_WORDS = 25;

    /** The school example with every optional clause on, and every value that adds a sentence. */
    static final PolicyValues EVERYTHING = everything();

    record Figures(int sentences, int words, String longest) {

        double average() {
            return (double) words / sentences;
        }

        int longestWords() {
            return PupilTextReadabilityTest.words(longest);
        }
    }

    @Test
    void thePupilTextHasShortSentencesInEveryLanguage() {
        for (Lang lang : Lang.values()) {
            Figures pupil = figures(Examples.LIBRARY.renderForPupils(EVERYTHING, lang).orElseThrow().policy());
            Figures full = figures(Examples.LIBRARY.render(EVERYTHING, lang).policy());
            System.out.printf(Locale.ROOT, "READABILITY %s pupil text: %d sentences, %d words, %.1f words a sentence, longest %d"
                            + " | full policy: %d sentences, %.1f words a sentence, longest %d%n",
                    lang.code(), pupil.sentences(), pupil.words(), pupil.average(), pupil.longestWords(),
                    full.sentences(), full.average(), full.longestWords());
            assertThat(pupil.average()).as("%s average words a sentence", lang).isLessThan(MAX_AVERAGE_WORDS);
            assertThat(pupil.longestWords()).as("%s longest sentence: %s", lang, pupil.longest()).isLessThanOrEqualTo(MAX_SENTENCE_WORDS);
        }
    }

    static Figures figures(RenderedPolicy policy) {
        List<String> sentences = new ArrayList<>();
        for (RenderedSection section : policy.sections()) {
            for (String line : section.markdown().split("\n")) {
                String plain = line.replaceFirst("^\\s*(#{1,6}|[-*+])\\s+", "")
                        .replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1")
                        .replaceAll("<(https?://[^>]+)>", "$1")
                        .replace("**", "")
                        .replaceAll("\\\\(.)", "$1")
                        .strip();
                split(plain, policy.lang().locale(), sentences);
            }
        }
        int words = sentences.stream().mapToInt(PupilTextReadabilityTest::words).sum();
        String longest = sentences.stream().max((a, b) -> Integer.compare(words(a), words(b))).orElse("");
        return new Figures(sentences.size(), words, longest);
    }

    private static void split(String text, Locale locale, List<String> into) {
        if (text.isBlank()) {
            return;
        }
        BreakIterator it = BreakIterator.getSentenceInstance(locale);
        it.setText(text);
        for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            String sentence = text.substring(start, end).strip();
            if (words(sentence) > 0) {
                into.add(sentence);
            }
        }
    }

    static int words(String sentence) {
        int count = 0;
        for (String token : sentence.split("\\s+")) {
            if (token.codePoints().anyMatch(Character::isLetterOrDigit)) {
                count++;
            }
        }
        return count;
    }

    private static PolicyValues everything() {
        PolicyValues values = Examples.values(Examples.SCHOOL)
                .withValue("dpo.name", "Claire Martin")
                .withValue("website", "https://www.athenee-marronniers.example")
                .withValue("contact.channels", List.of("EMAIL", "SMS", "POST", "AUTOMATED"))
                .withValue("marketing.channels", List.of("EMAIL", "SMS"))
                .withValue("recipients.categories", List.of("HOSTING", "MAINTENANCE", "PAYMENT", "COMMUNICATION", "ANALYTICS",
                        "PARTNER_INSTITUTION"))
                .withValue("processors", List.of(
                        Map.of("name", "Scaleway", "category", "HOSTING", "country", "FR"),
                        Map.of("name", "Google Workspace for Education", "category", "COMMUNICATION", "country", "US",
                                "safeguard", "STANDARD_CONTRACTUAL_CLAUSES")));
        for (String clause : List.of("photos", "canteen", "marketing", "location", "cookies", "e2e-encryption", "pentest",
                "physical-security", "report-suspicious", "dashboard", "progress", "interactions", "no-sale")) {
            values = values.withClause(clause, "on");
        }
        return values;
    }
}
