package eu.tutela.policy.render;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

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

    private static byte[] font(String name) {
        try (InputStream in = PdfPolicyRenderer.class.getResourceAsStream("/eu/tutela/policy/fonts/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
