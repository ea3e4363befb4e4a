package eu.tutela.tenantadmin.lifecycle;

import java.util.UUID;

/** A finished export: the zip's SHA-256 and size, how many rows of how many tables it holds. */
public record ExportResult(UUID exportId, String slug, String fileName, String sha256, long sizeBytes, long rows, int tables) {
}
