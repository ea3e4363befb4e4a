package eu.tutela.portal.tenancy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * An institution's logo as it is kept: a PNG that decodes, or an SVG reduced to an allow-list of
 * drawing elements and attributes. An SVG that carries anything active (a script, an event handler, a
 * link out, embedded HTML) is refused outright rather than quietly cleaned: the administrator learns
 * that the file was unsafe.
 */
public record LogoImage(byte[] bytes, String contentType) {

    /** Large enough for any logo, small enough for every page to carry it. */
    public static final int MAX_BYTES = 256 * 1024;
    public static final String PNG = "image/png";
    public static final String SVG = "image/svg+xml";

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final Set<String> SVG_ELEMENTS = Set.of("svg", "g", "path", "rect", "circle", "ellipse", "line",
            "polyline", "polygon", "text", "tspan", "title", "desc", "defs", "lineargradient", "radialgradient", "stop",
            "clippath", "mask", "use", "symbol");
    private static final Set<String> SVG_ATTRIBUTES = Set.of("xmlns", "xmlns:xlink", "version", "id", "class", "viewbox",
            "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "d", "points", "fill",
            "fill-opacity", "fill-rule", "clip-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap",
            "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "opacity", "transform", "offset", "stop-color",
            "stop-opacity", "gradientunits", "gradienttransform", "font-family", "font-size", "font-weight",
            "text-anchor", "dominant-baseline", "clip-path", "mask", "href", "xlink:href", "preserveaspectratio",
            "role", "aria-label", "aria-hidden", "style", "fx", "fy", "spreadmethod", "letter-spacing", "dx", "dy");

    /**
     * The logo to keep, from an upload.
     *
     * @throws InvalidInputException on field {@code logo} when too large, of another type, undecodable or unsafe
     */
    public static LogoImage from(byte[] bytes, String fileName) {
        if (bytes == null || bytes.length == 0) {
            throw InvalidInputException.of("logo", "settings.error.logoType");
        }
        if (bytes.length > MAX_BYTES) {
            throw InvalidInputException.of("logo", "settings.error.logoSize");
        }
        if (startsWithPngSignature(bytes)) {
            try {
                if (ImageIO.read(new ByteArrayInputStream(bytes)) == null) {
                    throw InvalidInputException.of("logo", "settings.error.logoType");
                }
            } catch (IOException e) {
                throw InvalidInputException.of("logo", "settings.error.logoType");
            }
            return new LogoImage(bytes, PNG);
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".svg")) {
            return new LogoImage(safeSvg(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8), SVG);
        }
        throw InvalidInputException.of("logo", "settings.error.logoType");
    }

    private static boolean startsWithPngSignature(byte[] bytes) {
        if (bytes.length < PNG_SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < PNG_SIGNATURE.length; i++) {
            if (bytes[i] != PNG_SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    /** The SVG serialised again from its allowed parts only (no doctype, comment or processing instruction). */
    static String safeSvg(String source) {
        if (source.contains("<!ENTITY") || source.contains("<!DOCTYPE")) {
            // Entities are how an SVG reaches local files or expands a billion times: never parsed.
            throw InvalidInputException.of("logo", "settings.error.logoUnsafe");
        }
        Document doc = Jsoup.parse(source, "", Parser.xmlParser());
        Element root = doc.children().stream().filter(e -> e.normalName().equals("svg")).findFirst()
                .orElseThrow(() -> InvalidInputException.of("logo", "settings.error.logoType"));
        if (doc.children().size() != 1) {
            throw InvalidInputException.of("logo", "settings.error.logoUnsafe");
        }
        check(root);
        doc.outputSettings().prettyPrint(false).syntax(Document.OutputSettings.Syntax.xml);
        return stripped(root).outerHtml();
    }

    private static void check(Element element) {
        if (!SVG_ELEMENTS.contains(element.normalName().toLowerCase(Locale.ROOT))) {
            throw InvalidInputException.of("logo", "settings.error.logoUnsafe");
        }
        for (Attribute attribute : element.attributes()) {
            String key = attribute.getKey().toLowerCase(Locale.ROOT);
            String value = attribute.getValue().toLowerCase(Locale.ROOT).replaceAll("\\s", "");
            if (!SVG_ATTRIBUTES.contains(key) || key.startsWith("on")
                    || ((key.equals("href") || key.equals("xlink:href")) && !value.startsWith("#"))
                    || value.contains("javascript:") || value.contains("url(http") || value.contains("url(//")
                    || value.contains("expression(") || value.contains("@import")) {
                throw InvalidInputException.of("logo", "settings.error.logoUnsafe");
            }
        }
        for (Element child : element.children()) {
            check(child);
        }
    }

    /** Keeps elements and text; drops comments, processing instructions and CDATA. */
    private static Element stripped(Element root) {
        for (Node node : root.childNodes().toArray(new Node[0])) {
            if (node instanceof Element child) {
                stripped(child);
            } else if (!(node instanceof TextNode) || node instanceof org.jsoup.nodes.CDataNode) {
                node.remove();
            }
        }
        return root;
    }
}
