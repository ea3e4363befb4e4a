package eu.tutela.portal.people;

import java.time.Instant;
import java.util.UUID;

/** An import as its page and its history show it. */
public record RosterImport(UUID id, String fileName, String sha256, long sizeBytes, Format format, Mode mode, Status status,
        String refusalKey, String refusalDetail, RosterSummary summary, String uploadedBy, Instant uploadedAt, String appliedBy,
        Instant appliedAt, UUID runId) {

    /** The project's own CSV, or OneRoster 1.1/1.2. */
    public enum Format { TUTELA_CSV, ONEROSTER }

    /** FULL: the file is the whole list (absent people are deactivated); CHANGES: it names only what changes. */
    public enum Mode { FULL, CHANGES }

    public enum Status {
        PREVIEWING, PREVIEWED, REFUSED, APPLYING, APPLIED, FAILED, CANCELLED;

        /** Work is under way in the background: the page follows its progress. */
        public boolean working() {
            return this == PREVIEWING || this == APPLYING;
        }
    }
}
