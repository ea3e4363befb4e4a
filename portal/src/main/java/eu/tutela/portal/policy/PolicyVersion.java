package eu.tutela.portal.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A published version of an institution's policy. {@code contentHashes} maps each language it was
 * published in ("fr", "en") to the SHA-256 of its HTML; {@code topics} are the substantial topics the
 * comparison with the previous version found touched (the catalogue's {@code Topic} names).
 */
public record PolicyVersion(int number, String templateId, Status status, VersionKind kind, VersionKind proposedKind,
        String overrideReason, List<String> topics, LocalDate effectiveDate, Instant publishedAt, String publishedBy,
        Map<String, String> contentHashes) {

    public enum Status { ACTIVE, ARCHIVED }

    public PolicyVersion {
        topics = List.copyOf(topics);
        contentHashes = Map.copyOf(contentHashes);
    }

    public List<String> languages() {
        return contentHashes.keySet().stream().sorted().toList();
    }
}
