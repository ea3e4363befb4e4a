package eu.tutela.portal.privacy;

/** One line of an erasure's preview: a module's category of records, what happens to it, how many records, and why kept. */
public record ErasureLine(String module, String category, ErasureOutcome outcome, long records, String holdKey) {
}
