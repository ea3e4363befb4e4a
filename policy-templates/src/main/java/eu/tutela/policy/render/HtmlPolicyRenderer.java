package eu.tutela.policy.render;

import eu.tutela.policy.Lang;
import eu.tutela.policy.catalogue.Labels;
import eu.tutela.policy.catalogue.Placeholders;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.nodes.Entities;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * Turns a {@link RenderedPolicy} into one self-contained HTML document. Each section's Markdown goes
 * through commonmark (raw HTML escaped, unsafe URLs dropped) and then {@link HtmlSanitiser}; only this
 * class's own wrapper (head, style, running header and footer, section elements) is added after
 * sanitising, with every tenant value escaped. Nothing in the output depends on the clock or the
 * machine, so the same input gives the same bytes.
 */
public final class HtmlPolicyRenderer {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer MARKDOWN_TO_HTML = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .build();
    private static final String STYLE = resource("policy.css");

    private HtmlPolicyRenderer() {
    }

    public static String toHtml(RenderedPolicy policy) {
        Lang lang = policy.lang();
        String controller = escape(policy.controllerName());
        String meta = escape(Labels.get().versionLine(policy.version(), policy.dateText(), lang));
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(lang.code()).append("\">\n<head>\n<meta charset=\"UTF-8\" />\n")
                .append("<title>").append(escape(policy.title())).append(" — ").append(controller).append("</title>\n")
                .append("<meta name=\"subject\" content=\"").append(escape(policy.title())).append("\" />\n")
                .append("<meta name=\"author\" content=\"").append(controller).append("\" />\n")
                .append("<meta name=\"generator\" content=\"Tutela policy-templates (").append(policy.templateId()).append(")\" />\n")
                .append("<style>\n").append(STYLE)
                .append("@page { @bottom-right { font-family: \"DejaVu Sans\"; font-size: 8pt; color: #555; content: ")
                .append(cssContent(Labels.get().pageNumber(lang))).append("; } }\n")
                .append("</style>\n</head>\n<body>\n")
                .append("<div class=\"running-header\">").append(controller).append(" — ").append(escape(policy.title())).append("</div>\n")
                .append("<div class=\"running-footer\">").append(meta).append("</div>\n")
                .append("<header class=\"policy-head\">\n<h1>").append(escape(policy.title())).append("</h1>\n")
                .append("<p class=\"policy-meta\"><strong>").append(controller).append("</strong><br />").append(meta).append("</p>\n</header>\n");
        for (RenderedSection section : policy.sections()) {
            html.append("<section id=\"").append(escape(section.id())).append("\" data-topic=\"")
                    .append(section.topic().name().toLowerCase(Locale.ROOT)).append("\">\n<h2>")
                    .append(escape(section.title().replace("\\", ""))).append("</h2>\n")
                    .append(markdownToSafeHtml(section.markdown())).append("\n</section>\n");
        }
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    /** Markdown → HTML → sanitised HTML. Public so the sanitiser can be tested on hostile Markdown directly. */
    public static String markdownToSafeHtml(String markdown) {
        return HtmlSanitiser.clean(MARKDOWN_TO_HTML.render(PARSER.parse(markdown)));
    }

    /** "Page {{page}} / {{pages}}" → {@code "Page " counter(page) " / " counter(pages)}, a CSS content value. */
    static String cssContent(String text) {
        StringBuilder css = new StringBuilder();
        Matcher m = Placeholders.PATTERN.matcher(text);
        int from = 0;
        while (m.find()) {
            cssString(css, text.substring(from, m.start()));
            css.append(" counter(").append(m.group(1).equals("pages") ? "pages" : "page").append(')');
            from = m.end();
        }
        cssString(css, text.substring(from));
        return css.toString().strip();
    }

    private static void cssString(StringBuilder css, String text) {
        if (text.isEmpty()) {
            return;
        }
        css.append(" \"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"', '\\' -> css.append('\\').append(c);
                case '<' -> css.append("\\3C ");
                case '\n' -> css.append("\\A ");
                default -> css.append(c);
            }
        }
        css.append('"');
    }

    private static String escape(String text) {
        return Entities.escape(text == null ? "" : text);
    }

    private static String resource(String name) {
        try (InputStream in = HtmlPolicyRenderer.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
