package eu.tutela.portal.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The hash that links an entry to its predecessor: SHA-256 over the predecessor's hash and every
 * field of the entry, each prefixed by its length so that no two different entries read the same.
 * The first entry of a tenant links to {@link #GENESIS}.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** The database keeps microseconds: hash exactly what it will give back. */
    static Instant storable(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static String hash(String previousHash, UUID tenantId, long seq, Instant occurredAt, UUID actorId, String actorLabel,
            String action, String subjectType, String subjectId, String subjectLabel, String summary) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
        for (Object field : new Object[] {previousHash, tenantId, seq, storable(occurredAt), actorId, actorLabel, action,
                subjectType, subjectId, subjectLabel, summary}) {
            byte[] bytes = field == null ? new byte[0] : field.toString().getBytes(StandardCharsets.UTF_8);
            sha256.update((field == null ? "-1:" : bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            sha256.update(bytes);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    static String hashOf(AuditEntry e) {
        return hash(e.previousHash(), e.tenantId(), e.seq(), e.occurredAt(), e.actorId(), e.actorLabel(), e.action(),
                e.subjectType(), e.subjectId(), e.subjectLabel(), e.summary());
    }

    /** Checks entries handed over in sequence order, remembering only the last one. */
    static final class Verifier {
        private long checked;
        private long expectedSeq = 1;
        private String previousHash = GENESIS;
        private ChainVerification broken;

        void accept(AuditEntry entry) {
            if (broken != null) {
                return;
            }
            checked++;
            if (entry.seq() != expectedSeq) {
                broken = new ChainVerification(checked, expectedSeq, ChainVerification.Break.GAP);
            } else if (!entry.previousHash().equals(previousHash)) {
                broken = new ChainVerification(checked, entry.seq(), ChainVerification.Break.LINK);
            } else if (!hashOf(entry).equals(entry.hash())) {
                broken = new ChainVerification(checked, entry.seq(), ChainVerification.Break.CONTENT);
            }
            previousHash = entry.hash();
            expectedSeq = entry.seq() + 1;
        }

        ChainVerification result() {
            return broken != null ? broken : ChainVerification.intact(checked);
        }
    }
}
