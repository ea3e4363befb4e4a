package eu.tutela.portal.rights;

import java.time.Instant;
import java.util.UUID;

/**
 * The archive of an access or portability request, as the DPO and the requester see it: building (with the run that
 * shows its progress), ready until it expires, or failed with the module that failed.
 */
public record AccessArchive(UUID id, UUID requestId, Status status, UUID runId, Instant createdAt, Instant readyAt,
        Instant expiresAt, String fileName, Long sizeBytes, Long records, String failure, int downloads) {

    public enum Status { BUILDING, READY, FAILED }

    public boolean downloadable(Instant now) {
        return status == Status.READY && expiresAt != null && now.isBefore(expiresAt);
    }
}
