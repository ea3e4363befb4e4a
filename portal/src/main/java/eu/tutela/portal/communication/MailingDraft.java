package eu.tutela.portal.communication;

/**
 * A message as an administrator writes it: for which purpose (its code), to whom, about which class (null: every
 * class), its subject and its text (paragraphs separated by blank lines, plain text).
 */
public record MailingDraft(String purposeCode, MailingAudience audience, String className, String subject, String body) {
}
