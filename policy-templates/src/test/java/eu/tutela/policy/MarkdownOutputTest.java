package eu.tutela.policy;

import eu.tutela.policy.render.HtmlPolicyRenderer;
import eu.tutela.policy.render.MarkdownText;
import eu.tutela.policy.variables.PolicyValues;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A value reads in the Markdown as it was typed, without needless backslashes, yet still cannot make
 * markup: whatever it contains, once through commonmark it is the same text, in a plain paragraph or bullet.
 */
class MarkdownOutputTest {

    private static final String PLAIN = "Version 1.0 (rev. 2) - final";

    /** Values that are markup somewhere: at a line start, in a line, or both. */
    private static final List<String> TRICKY = List.of(
            PLAIN, "1. Lycée", "2024) fin", "- tiret", "+ plus", "* étoile", "# Titre", "###### Six", "> citation", "---", "***",
            "___", "= = =", "~~~ code", "``` code", "**gras** et *italique*", "_souligné_ et snake_case", "[lien](https://x.example)",
            "![image](https://x.example/i.png)", "<b>gras</b>", "<https://x.example>", "`code`", "~~barré~~", "AT&T &amp; &#38; &copy;",
            "C:\\chemin\\*", "fin \\", "Titre #", "C# et F#", "a|b|c", "{{controller.name}}", "1.0", "+33 3 20 00 00 00",
            "100 % (env.) ! ? ; : , .", "Lycée Saint-Exupéry (site n° 2)");

    @Test
    void aValueReadsAsTypedInTheMarkdown() {
        PolicyValues values = Examples.values(Examples.HEMI).withValue("controller.name", PLAIN).withVersion(PLAIN, "2026-09-01");
        for (Lang lang : Lang.values()) {
            String markdown = Examples.LIBRARY.render(values, lang).markdown();
            assertThat(markdown).contains("**" + PLAIN + "** · Version " + PLAIN + (lang == Lang.FR ? " du " : " of "))
                    .contains(lang == Lang.FR ? "personnes de " + PLAIN + " qui" : " " + PLAIN + " ")
                    .doesNotContain("\\");
        }
        assertThat(Examples.LIBRARY.render(Examples.values(Examples.HEMI), Lang.FR).markdown())
                .contains("Version 2.0 du 1 septembre 2026", "au +33 3 20 00 00 00.");
    }

    @Test
    void onlyWhatIsMarkupWhereItStandsIsEscaped() {
        assertThat(MarkdownText.escape("Lycée Saint-Exupéry (site n° 2). C# & co!")).isEqualTo("Lycée Saint-Exupéry (site n° 2). C# & co!");
        assertThat(MarkdownText.escape("**a** [b](c) <d> `e` snake_case _f_")).isEqualTo("\\*\\*a\\*\\* \\[b\\](c) \\<d> \\`e\\` snake_case \\_f\\_");
        assertThat(MarkdownText.atLineStart(MarkdownText.escape("1. Lycée"))).isEqualTo("1\\. Lycée");
        assertThat(MarkdownText.atLineStart(MarkdownText.escape("1.0"))).isEqualTo("1.0");
        assertThat(MarkdownText.atLineStart(MarkdownText.escape("# Titre"))).isEqualTo("\\# Titre");
        assertThat(MarkdownText.atLineStart(MarkdownText.escape("- tiret"))).isEqualTo("\\- tiret");
        assertThat(MarkdownText.atLineStart(MarkdownText.escape("-3 mois"))).isEqualTo("-3 mois");
    }

    @Test
    void noValueMakesMarkupAtALineStartOrInALine() {
        for (String value : TRICKY) {
            String escaped = MarkdownText.escape(value);
            String start = MarkdownText.atLineStart(escaped);
            assertPlain("Avant " + escaped + " après", "Avant " + value + " après", "p", value);
            assertPlain(start + " après", value + " après", "p", value);
            assertPlain(start, value, "p", value);
            assertPlain("- " + start, value, "li", value);
            assertPlain("### " + start, value, "h3", value);
            assertPlain("**" + escaped + "**", value, "strong", value);
        }
    }

    /** The Markdown gives exactly one element of the kind expected, holding the text expected and nothing else. */
    private static void assertPlain(String markdown, String text, String element, String value) {
        Document html = Jsoup.parseBodyFragment(HtmlPolicyRenderer.markdownToSafeHtml(markdown));
        assertThat(html.select(element)).as("%s → %s", value, html.body().html()).hasSize(1);
        assertThat(html.select(element).first().text()).as(value).isEqualTo(text.strip());
        assertThat(html.select("a, em, code, blockquote, hr, ol, h1, h2, h4, h5, h6, pre, img, del, s").stream()
                .filter(e -> !e.tagName().equals(element)).toList()).as("%s → %s", value, html.body().html()).isEmpty();
        if (!element.equals("strong")) {
            assertThat(html.select("strong")).as(value).isEmpty();
        }
    }
}
