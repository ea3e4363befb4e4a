package eu.tutela.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import eu.tutela.portal.spreadsheet.SpreadsheetCsv;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    static final UUID TENANT = UUID.fromString("00000000-0000-0000-0000-00000000000a");

    static List<AuditEntry> chain(int length) {
        List<AuditEntry> entries = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int seq = 1; seq <= length; seq++) {
            Instant at = Instant.parse("2026-12-02T10:00:00.123456789Z").plusSeconds(seq);
            String hash = AuditChain.hash(previous, TENANT, seq, at, null, "system", "person.changed", "person", "p" + seq, "P " + seq, "{}");
            entries.add(new AuditEntry(TENANT, seq, AuditChain.storable(at), null, "system", "person.changed", "person", "p" + seq,
                    "P " + seq, "{}", previous, hash));
            previous = hash;
        }
        return entries;
    }

    static ChainVerification verify(List<AuditEntry> entries) {
        AuditChain.Verifier verifier = new AuditChain.Verifier();
        entries.forEach(verifier::accept);
        return verifier.result();
    }

    @Test
    void anUntouchedChainIsIntactAndTheHashIgnoresNanosecondsTheDatabaseDoesNotKeep() {
        assertThat(verify(chain(10))).isEqualTo(new ChainVerification(10, 0, null));
        assertThat(verify(List.of())).isEqualTo(new ChainVerification(0, 0, null));
    }

    @Test
    void aChangedFieldIsNamedAtItsEntry() {
        List<AuditEntry> entries = chain(5);
        AuditEntry third = entries.get(2);
        entries.set(2, new AuditEntry(TENANT, 3, third.occurredAt(), null, "system", "person.changed", "person", "p3",
                "Someone else", "{}", third.previousHash(), third.hash()));
        assertThat(verify(entries)).isEqualTo(new ChainVerification(3, 3, ChainVerification.Break.CONTENT));
    }

    @Test
    void aRemovedEntryIsAGapAndARehashedEntryBreaksTheNextLink() {
        List<AuditEntry> removed = chain(5);
        removed.remove(1);
        assertThat(verify(removed).firstBrokenSeq()).isEqualTo(2);
        assertThat(verify(removed).reason()).isEqualTo(ChainVerification.Break.GAP);

        List<AuditEntry> rehashed = chain(5);
        AuditEntry second = rehashed.get(1);
        String forged = AuditChain.hash(second.previousHash(), TENANT, 2, second.occurredAt(), null, "system", "person.changed",
                "person", "p2", "Forged", "{}");
        rehashed.set(1, new AuditEntry(TENANT, 2, second.occurredAt(), null, "system", "person.changed", "person", "p2", "Forged",
                "{}", second.previousHash(), forged));
        assertThat(verify(rehashed)).isEqualTo(new ChainVerification(3, 3, ChainVerification.Break.LINK));
    }

    @Test
    void fieldsCannotBeShiftedFromOneToTheNext() {
        Instant at = Instant.parse("2026-12-02T10:00:00Z");
        assertThat(AuditChain.hash("h", TENANT, 1, at, null, "ab", "c", "t", null, null, "{}"))
                .isNotEqualTo(AuditChain.hash("h", TENANT, 1, at, null, "a", "bc", "t", null, null, "{}"));
        assertThat(AuditChain.hash("h", TENANT, 1, at, null, "a", "b", "t", null, "", "{}"))
                .isNotEqualTo(AuditChain.hash("h", TENANT, 1, at, null, "a", "b", "t", "", null, "{}"));
    }

    @Test
    void spreadsheetFormulasAreKeptAsText() {
        assertThat(SpreadsheetCsv.neutralise("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(SpreadsheetCsv.neutralise("+33 6")).isEqualTo("'+33 6");
        assertThat(SpreadsheetCsv.neutralise("-2")).isEqualTo("'-2");
        assertThat(SpreadsheetCsv.neutralise("@cmd")).isEqualTo("'@cmd");
        assertThat(SpreadsheetCsv.neutralise("\tx")).isEqualTo("'\tx");
        assertThat(SpreadsheetCsv.neutralise("Amélie")).isEqualTo("Amélie");
        assertThat(SpreadsheetCsv.neutralise(null)).isNull();
    }
}
