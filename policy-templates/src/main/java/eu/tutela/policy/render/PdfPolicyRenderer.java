package eu.tutela.policy.render;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * Prints the policy's HTML to a tagged PDF (PDF/UA structure, embedded DejaVu Sans so that every French
 * character is there), with the tenant's name in the running header and the version and date in the
 * footer. The fonts are read once and kept in memory: reading them per rendering costs more than
 * laying out the pages.
 */
public final class PdfPolicyRenderer {

    public static final String FONT_FAMILY = "DejaVu Sans";
    private static final byte[] REGULAR = font("DejaVuSans.ttf");
    private static final byte[] BOLD = font("DejaVuSans-Bold.ttf");
    private static final byte[] ITALIC = font("DejaVuSans-Oblique.ttf");

    static {
        // openhtmltopdf logs every layout step at INFO through java.util.logging: noise on a command line.
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
        FormFontMapper.install();
    }

    private PdfPolicyRenderer() {
    }

    public static byte[] toPdf(String html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfUaAccessibility(true);
        builder.withProducer("Tutela policy-templates");
        // PDF/UA forbids the built-in (unembedded) fonts: the generic families used by page-margin
        // boxes are mapped to the embedded DejaVu Sans too.
        for (String family : new String[] {FONT_FAMILY, "sans-serif", "serif", "SansSerif", "Serif"}) {
            builder.useFont(() -> new ByteArrayInputStream(REGULAR), family, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(BOLD), family, 700, FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(ITALIC), family, 400, FontStyle.ITALIC, true);
        }
        builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), "about:blank");
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Whether or not a page has a form field, openhtmltopdf (PdfBoxPerDocumentFormState.processControls)
     * builds the default resources of an interactive form with two of PDFBox's standard 14 fonts: Helvetica,
     * and ZapfDingbats for check boxes and radio buttons. PDFBox looks each one up among the system fonts
     * and, when it is not installed (ZapfDingbats seldom is), logs "Using fallback font … for base font
     * ZapfDingbats" on every rendering. A policy has no form field: the font is never drawn nor written
     * into the PDF (list bullets are drawn as shapes, text in the embedded DejaVu Sans). So, for those two
     * names only, when PDFBox would fall back, this mapper answers with the embedded DejaVu Sans (which has
     * the Dingbats block) instead; every other font, and a system font that does exist, is left to PDFBox's
     * own mapper. PDFBox's font mapper is global: installing it affects the whole JVM, for those two names.
     */
    private static final class FormFontMapper implements FontMapper {

        private static final Set<String> FORM_FONTS = Set.of("Helvetica", "ZapfDingbats");

        private final FontMapper pdfbox;

        private FormFontMapper(FontMapper pdfbox) {
            this.pdfbox = pdfbox;
        }

        static void install() {
            FontMappers.set(new FormFontMapper(FontMappers.instance()));
        }

        @Override
        public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor descriptor) {
            return pdfbox.getTrueTypeFont(baseFont, descriptor);
        }

        @Override
        public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor descriptor) {
            FontMapping<FontBoxFont> mapping = pdfbox.getFontBoxFont(baseFont, descriptor);
            return mapping.isFallback() && FORM_FONTS.contains(baseFont) ? new FontMapping<>(EmbeddedDejaVu.FONT, false) : mapping;
        }

        @Override
        public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor descriptor, PDCIDSystemInfo cidSystemInfo) {
            return pdfbox.getCIDFont(baseFont, descriptor, cidSystemInfo);
        }
    }

    /** The embedded DejaVu Sans as a PDFBox font, parsed on first use only. */
    private static final class EmbeddedDejaVu {
        static final TrueTypeFont FONT = parse();

        private static TrueTypeFont parse() {
            try {
                return new TTFParser().parse(new RandomAccessReadBuffer(REGULAR));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static byte[] font(String name) {
        try (InputStream in = PdfPolicyRenderer.class.getResourceAsStream("/eu/tutela/policy/fonts/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
