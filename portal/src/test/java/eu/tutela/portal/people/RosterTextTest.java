package eu.tutela.portal.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** How a roster file's text is recognised: its encoding, its separator, its dates. */
class RosterTextTest {

    @Test
    void theEncodingIsTheOneTheBytesCanOnlyBe() {
        String french = "prénom;nom\nNoël;Œuvray — « élève »\n";
        assertThat(detect(french.getBytes(StandardCharsets.UTF_8), 7)).isEqualTo(TextEncoding.UTF_8);
        assertThat(detect(("\uFEFF" + french).getBytes(StandardCharsets.UTF_8), 3)).isEqualTo(TextEncoding.UTF_8);
        // Œ and the dash are bytes 0x8C and 0x97 in Windows-1252: control codes in ISO-8859-1.
        assertThat(detect(french.getBytes(Charset.forName("windows-1252")), 5)).isEqualTo(TextEncoding.WINDOWS_1252);
        assertThat(detect("prénom;nom\nNoël;Lefèvre\n".getBytes(StandardCharsets.ISO_8859_1), 5)).isEqualTo(TextEncoding.ISO_8859_1);
        assertThat(detect("plain ascii".getBytes(StandardCharsets.US_ASCII), 4)).isEqualTo(TextEncoding.UTF_8);
    }

    @Test
    void aMultiByteCharacterSplitAcrossReadsIsStillUtf8AndACutOneIsNot() {
        byte[] bytes = "é".repeat(10).getBytes(StandardCharsets.UTF_8);
        assertThat(detect(bytes, 1)).isEqualTo(TextEncoding.UTF_8);
        assertThat(detect(Arrays.copyOf(bytes, bytes.length - 1), 3)).isNotEqualTo(TextEncoding.UTF_8);
    }

    @Test
    void aNulByteNearTheStartMeansABinaryFile() {
        TextEncoding.Detector detector = new TextEncoding.Detector();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13};
        detector.update(png, 0, png.length);
        assertThat(detector.binary()).isTrue();
    }

    @Test
    void theSeparatorIsTheOneThatSplitsTheHeaderMostOutsideQuotes() {
        assertThat(RosterCsv.separator("id;nom;prénom")).isEqualTo(';');
        assertThat(RosterCsv.separator("id,nom,prénom")).isEqualTo(',');
        assertThat(RosterCsv.separator("id\tnom\tprénom")).isEqualTo('\t');
        assertThat(RosterCsv.separator("\"nom, prénom\";classe;date")).isEqualTo(';');
        assertThat(RosterCsv.separator("identifiant")).isEqualTo(',');
    }

    @Test
    void datesAreReadDayFirstOrIsoAndNothingElse() {
        assertThat(RosterCsv.date("14/03/2013")).contains(LocalDate.of(2013, 3, 14));
        assertThat(RosterCsv.date("4/3/2013")).contains(LocalDate.of(2013, 3, 4));
        assertThat(RosterCsv.date("2013-03-14")).contains(LocalDate.of(2013, 3, 14));
        assertThat(RosterCsv.date("14.03.2013")).contains(LocalDate.of(2013, 3, 14));
        assertThat(RosterCsv.date("31/02/2013")).isEmpty();
        assertThat(RosterCsv.date("03/14/2013")).isEmpty();
        assertThat(RosterCsv.date("demain")).isEmpty();
    }

    @Test
    void headersAreComparedWithoutAccentsCaseOrSeparators() {
        assertThat(RosterCsv.fold("Date de naissance")).isEqualTo(RosterCsv.fold("date_de_naissance"));
        assertThat(RosterCsv.fold("Autorité parentale")).isEqualTo("autoriteparentale");
    }

    /** Feeds the bytes in pieces of {@code step}, as a stream would. */
    private static TextEncoding detect(byte[] bytes, int step) {
        TextEncoding.Detector detector = new TextEncoding.Detector();
        for (int i = 0; i < bytes.length; i += step) {
            detector.update(bytes, i, Math.min(step, bytes.length - i));
        }
        return detector.encoding();
    }
}
