package eu.tutela.policy;

import eu.tutela.policy.catalogue.PolicyTemplate;
import eu.tutela.policy.catalogue.VariableDefinition;
import eu.tutela.policy.render.HtmlPolicyRenderer;
import eu.tutela.policy.render.PolicyRenderer;
import eu.tutela.policy.render.RenderedPolicy;
import eu.tutela.policy.variables.PolicyValues;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a tenant types, no script, event handler, style, iframe or javascript: URL reaches the
 * HTML. Validation refuses such values; these tests go around validation (calling the renderer
 * directly) to show that the output stays safe even then, for every variable type and for free text.
 */
class SanitiserTest {

    static final List<String> PAYLOADS = List.of(
            "<script>alert('x')</script>",
            "<img src=x onerror=alert(1)>",
            "<p style=\"background:url(javascript:alert(1))\">styled</p>",
            "[click](javascript:alert(1))",
            "<a href=\"javascript:alert(1)\">link</a>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "javascript:alert(1)",
            "<svg onload=alert(1)>",
            "\"><script>alert(1)</script>",
            "<style>body{display:none}</style>");

    private final PolicyTemplate template = Examples.LIBRARY.template("higher-education");
    // The authority is given explicitly so that a hostile country still leaves a renderable policy.
    private final PolicyValues base = Examples.values(Examples.HEMI)
            .withValue("authority.name", "CNIL").withValue("authority.url", "https://www.cnil.fr");

    @Test
    void everyVariableOfEveryTypeIsNeutralised() {
        assertEveryVariableNeutralised(template, base, PolicyRenderer::render);
    }

    @Test
    void everyVariableOfThePupilTextIsNeutralised() {
        PolicyValues school = Examples.values(Examples.SCHOOL)
                .withValue("authority.name", "APD").withValue("authority.url", "https://www.autoriteprotectiondonnees.be");
        assertEveryVariableNeutralised(Examples.LIBRARY.template("school-minors"), school, PolicyRenderer::renderForPupils);
    }

    private static void assertEveryVariableNeutralised(PolicyTemplate template, PolicyValues base, Renderer renderer) {
        for (VariableDefinition variable : template.variables()) {
            for (String payload : PAYLOADS) {
                Object hostile = switch (variable.type()) {
                    case TEXT_LIST, CHANNELS, RECIPIENT_CATEGORIES -> List.of(payload);
                    case PROCESSORS -> List.of(Map.of("name", payload, "category", payload, "country", payload, "safeguard", payload));
                    default -> payload;
                };
                PolicyValues values = base.withValue(variable.name(), hostile);
                assertThat(Examples.LIBRARY.validate(values)).as("validation of %s", variable.name())
                        .anySatisfy(p -> assertThat(p.subject()).startsWith(variable.name()));
                for (Lang lang : Lang.values()) {
                    assertSafe(HtmlPolicyRenderer.toHtml(renderer.render(template, values, lang)), variable.name() + " = " + payload);
                }
            }
        }
    }

    /** The full policy or the pupil text, both straight from the renderer, around validation. */
    private interface Renderer {
        RenderedPolicy render(PolicyTemplate template, PolicyValues values, Lang lang);
    }

    @Test
    void freeTextInEverySectionIsNeutralised() {
        for (var section : template.sections()) {
            for (String payload : PAYLOADS) {
                PolicyValues values = base.withFreeText(section.id(), "Avant " + payload + " après");
                String html = HtmlPolicyRenderer.toHtml(PolicyRenderer.render(template, values, Lang.FR));
                assertSafe(html, section.id() + " free text " + payload);
                assertThat(html).contains("Avant");
            }
        }
    }

    @Test
    void theSanitiserKeepsStructureAndSafeLinks() {
        String html = HtmlPolicyRenderer.markdownToSafeHtml("Texte **important** et [site](https://www.cnil.fr) et [mail](mailto:dpo@x.fr)\n\n- un\n- deux");
        assertThat(html).contains("<strong>important</strong>", "<a href=\"https://www.cnil.fr\">site</a>",
                "<a href=\"mailto:dpo@x.fr\">mail</a>", "<li>un</li>");
    }

    @Test
    void hostileValuesAreShownAsTextNotDropped() {
        String html = HtmlPolicyRenderer.toHtml(PolicyRenderer.render(template,
                base.withValue("controller.name", "<script>alert(1)</script> École"), Lang.FR));
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; École").doesNotContain("<script");
    }

    /** Checks the parsed document, not the text: an escaped "&lt;img onerror=…&gt;" is harmless text. */
    static void assertSafe(String html, String what) {
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(html);
        assertThat(doc.select("script, iframe, img, svg, object, embed, form, input, link, base, meta[http-equiv]"))
                .as(what).isEmpty();
        assertThat(doc.select("style")).as(what + ": only our stylesheet").hasSize(1);
        assertThat(doc.select("style").first().parent().tagName()).isEqualTo("head");
        for (org.jsoup.nodes.Element element : doc.getAllElements()) {
            for (org.jsoup.nodes.Attribute attribute : element.attributes()) {
                assertThat(attribute.getKey()).as(what + " on <" + element.tagName() + ">").doesNotStartWith("on").isNotEqualTo("style");
                if (java.util.Set.of("href", "src", "action", "formaction", "xlink:href").contains(attribute.getKey())) {
                    assertThat(attribute.getValue().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s", ""))
                            .as(what).doesNotContain("javascript:", "vbscript:", "data:");
                }
            }
        }
        for (org.jsoup.nodes.Element link : doc.select("a[href]")) {
            assertThat(link.attr("href")).as(what).matches("(https?:|mailto:|tel:).*");
        }
    }
}
