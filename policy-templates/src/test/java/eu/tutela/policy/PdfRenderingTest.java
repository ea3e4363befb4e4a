package eu.tutela.policy;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/** The PDF is tagged, embeds its fonts, carries the header and footer on every page, and keeps French accents. */
class PdfRenderingTest {

    @Test
    void taggedWithHeaderFooterAndAccents() throws IOException {
        Rendering rendering = Examples.LIBRARY.render(Examples.values(Examples.HEMI), Lang.FR);
        try (PDDocument pdf = Loader.loadPDF(rendering.pdf())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(2);
            assertThat(pdf.getDocumentCatalog().getMarkInfo()).isNotNull();
            assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(pdf.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("fr");
            assertThat(pdf.getDocumentInformation().getTitle()).contains("Politique de confidentialité");

            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(pdf);
                assertThat(text).as("page %d", page)
                        .contains("Haute École des Mines et de l’Industrie (HEMI) — Politique de confidentialité")
                        .contains("Version 2.0 du 1 septembre 2026")
                        .contains("Page " + page + " / " + pdf.getNumberOfPages());
            }
            stripper.setStartPage(1);
            stripper.setEndPage(pdf.getNumberOfPages());
            String all = stripper.getText(pdf).replaceAll("\\s+", " "); // lines wrap anywhere
            assertThat(all).contains("Qui est responsable de vos données ?", "Sécurité physique", "délégué à la protection des données",
                    "Claire Dubœuf", "Droit à l’effacement", "Commission nationale de l’informatique et des libertés");
            for (var page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
        }
    }

    /**
     * openhtmltopdf asks PDFBox for ZapfDingbats and Helvetica (the fonts of form fields) on every PDF; a
     * missing system font used to be reported as "Using fallback font … for base font ZapfDingbats".
     */
    @Test
    void noFallbackFontIsUsedOrReported() throws IOException {
        Logger pdfbox = Logger.getLogger("org.apache.pdfbox"); // held: java.util.logging keeps loggers weakly
        List<String> warnings = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record.getLoggerName() + ": " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        pdfbox.addHandler(handler);
        try {
            byte[] bytes = Examples.LIBRARY.render(Examples.values(Examples.SCHOOL), Lang.EN).pdf();
            try (PDDocument pdf = Loader.loadPDF(bytes)) {
                for (var page : pdf.getPages()) {
                    for (var name : page.getResources().getFontNames()) {
                        assertThat(page.getResources().getFont(name).getName()).contains("DejaVuSans");
                    }
                }
            }
        } finally {
            pdfbox.removeHandler(handler);
        }
        assertThat(warnings).noneMatch(w -> w.contains("fallback"));
        for (String font : new String[] {"ZapfDingbats", "Helvetica"}) {
            assertThat(org.apache.pdfbox.pdmodel.font.FontMappers.instance().getFontBoxFont(font, null).isFallback()).as(font).isFalse();
        }
    }
}
