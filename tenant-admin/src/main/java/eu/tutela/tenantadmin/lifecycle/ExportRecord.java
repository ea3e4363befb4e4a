package eu.tutela.tenantadmin.lifecycle;

import java.time.Instant;
import java.util.UUID;

/**
 * One export of a tenant as recorded: {@code RUNNING}, {@code DONE} or {@code FAILED}.
 *
 * @param downloadable whether its archive is stored (made by the portal, not by the command line)
 */
public record ExportRecord(UUID id, String status, String requestedBy, Instant createdAt, Instant finishedAt, String fileName,
        String sha256, Long sizeBytes, Long rows, boolean downloadable) {
}
