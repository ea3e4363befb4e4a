package eu.tutela.portal.notification;

import java.util.List;
import java.util.Locale;

/**
 * A message to one person, as message keys of {@code messages*.properties}: the outbox renders it in
 * the recipient's language. {@code actionUrl} may be null for a message without a button;
 * {@code unsubscribeUrl} is null but for messages a person may stop receiving (an institution's mailings), whose
 * footer then offers it and whose headers let mail clients offer it in one click (RFC 8058).
 */
public record Mail(String to, Locale locale, Text subject, List<Text> paragraphs, Text actionLabel, String actionUrl,
        String unsubscribeUrl) {

    /** A message the person cannot unsubscribe from (an invitation, a receipt, a reminder of a legal step). */
    public Mail(String to, Locale locale, Text subject, List<Text> paragraphs, Text actionLabel, String actionUrl) {
        this(to, locale, subject, paragraphs, actionLabel, actionUrl, null);
    }

    /** A message key and its arguments. */
    public record Text(String key, Object... args) {
    }

    public static Text text(String key, Object... args) {
        return new Text(key, args);
    }
}
