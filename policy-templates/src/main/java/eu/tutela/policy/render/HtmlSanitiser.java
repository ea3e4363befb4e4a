package eu.tutela.policy.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

/**
 * The last line of defence between a tenant's text and a reader's browser: whatever the Markdown
 * step produced, only structural tags survive, links only to http, https, mailto and tel, and no
 * attribute other than a link's href. No script, event handler, style, iframe or javascript: URL.
 */
public final class HtmlSanitiser {

    private static final Safelist POLICY = Safelist.none()
            .addTags("h1", "h2", "h3", "h4", "p", "ul", "ol", "li", "strong", "em", "a", "br", "blockquote", "code", "hr")
            .addAttributes("a", "href")
            .addProtocols("a", "href", "http", "https", "mailto", "tel");

    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings()
            .prettyPrint(false)
            .charset("UTF-8")
            .escapeMode(Entities.EscapeMode.xhtml);

    private HtmlSanitiser() {
    }

    public static String clean(String htmlFragment) {
        return Jsoup.clean(htmlFragment, "", POLICY, OUTPUT);
    }
}
