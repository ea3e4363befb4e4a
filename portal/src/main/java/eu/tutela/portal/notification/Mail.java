package eu.tutela.portal.notification;

import java.util.List;
import java.util.Locale;

/**
 * A message to one person, as message keys of {@code messages*.properties}: the outbox renders it in
 * the recipient's language. {@code actionUrl} may be null for a message without a button.
 */
public record Mail(String to, Locale locale, Text subject, List<Text> paragraphs, Text actionLabel, String actionUrl) {

    /** A message key and its arguments. */
    public record Text(String key, Object... args) {
    }

    public static Text text(String key, Object... args) {
        return new Text(key, args);
    }
}
