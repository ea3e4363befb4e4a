package eu.tutela.portal.policy;

/** A version's text in one language, as it was published. */
public record PublishedText(int number, String lang, String title, String html, String markdown, String contentHash) {
}
