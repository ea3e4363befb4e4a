package eu.tutela.tenantadmin.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class PlatformAuditHashTest {

    private static final PlatformAuditEntry ENTRY = new PlatformAuditEntry(7, Instant.parse("2026-12-03T08:00:00.123456Z"),
            "operator@tutela.example", "tenant.suspended", UUID.fromString("00000000-0000-0000-0000-000000000001"),
            "lycee-victor-hugo", "Suspended 'Lycée Victor Hugo'", PlatformAudit.GENESIS, null);

    @Test
    void everyFieldCountsAndTheHashIsStable() {
        String hash = PlatformAudit.hash(ENTRY);
        assertThat(hash).matches("[0-9a-f]{64}").isEqualTo(PlatformAudit.hash(ENTRY));
        assertThat(PlatformAudit.hash(withSummary("Suspended 'Lycée Victor Hugo'."))).isNotEqualTo(hash);
        assertThat(PlatformAudit.hash(new PlatformAuditEntry(8, ENTRY.occurredAt(), ENTRY.actor(), ENTRY.action(),
                ENTRY.tenantId(), ENTRY.slug(), ENTRY.summary(), ENTRY.previousHash(), null))).isNotEqualTo(hash);
    }

    @Test
    void shiftingTextBetweenFieldsChangesTheHash() {
        PlatformAuditEntry a = new PlatformAuditEntry(1, ENTRY.occurredAt(), "ab", "c", null, null, "x", PlatformAudit.GENESIS, null);
        PlatformAuditEntry b = new PlatformAuditEntry(1, ENTRY.occurredAt(), "a", "bc", null, null, "x", PlatformAudit.GENESIS, null);
        assertThat(PlatformAudit.hash(a)).isNotEqualTo(PlatformAudit.hash(b));
    }

    private static PlatformAuditEntry withSummary(String summary) {
        return new PlatformAuditEntry(ENTRY.seq(), ENTRY.occurredAt(), ENTRY.actor(), ENTRY.action(), ENTRY.tenantId(),
                ENTRY.slug(), summary, ENTRY.previousHash(), null);
    }
}
