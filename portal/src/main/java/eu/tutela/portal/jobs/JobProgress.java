package eu.tutela.portal.jobs;

import java.time.Instant;
import java.util.OptionalDouble;
import java.util.UUID;

/** One run of a tenant job as a page shows it. */
public record JobProgress(UUID runId, String kind, Status status, long done, Long total, String outcome,
        Instant createdAt, Instant finishedAt) {

    public enum Status { QUEUED, RUNNING, SUCCEEDED, FAILED }

    public boolean finished() {
        return status == Status.SUCCEEDED || status == Status.FAILED;
    }

    /** 0 to 1 when the total is known, else empty. */
    public OptionalDouble fraction() {
        return total == null || total == 0 ? OptionalDouble.empty()
                : OptionalDouble.of(Math.min(1.0, (double) done / total));
    }
}
