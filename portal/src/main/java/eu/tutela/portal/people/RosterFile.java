package eu.tutela.portal.people;

/** A file of an import as received: its name, size, and the encoding found in it. */
public record RosterFile(String name, long sizeBytes, TextEncoding detectedEncoding) {
}
