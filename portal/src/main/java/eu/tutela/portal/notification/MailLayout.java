package eu.tutela.portal.notification;

import eu.tutela.portal.tenancy.BrandColour;
import eu.tutela.portal.tenancy.TenantSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders a {@link Mail} in one language, as a subject, a plain-text body and an HTML body under the
 * tenant's name and colour ({@code mail/layout.html}). Every value is escaped: a name typed by a
 * person never becomes markup.
 */
@Component
class MailLayout {

    record Rendered(String subject, String text, String html) {
    }

    private final MessageSource messages;
    private final String template;

    MailLayout(MessageSource messages) {
        this.messages = messages;
        try (InputStream in = MailLayout.class.getResourceAsStream("/mail/layout.html")) {
            this.template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("mail/layout.html is missing from the application", e);
        }
    }

    Rendered render(Mail mail, Locale locale, TenantSettings sender) {
        String subject = message(mail.subject(), locale);
        String footer = messages.getMessage("mail.footer", new Object[] {sender.displayName()}, locale);
        StringBuilder text = new StringBuilder();
        mail.paragraphs().forEach(p -> text.append(message(p, locale)).append("\n\n"));
        String actionLabel = mail.actionLabel() == null ? null : message(mail.actionLabel(), locale);
        if (mail.actionUrl() != null) {
            text.append(actionLabel == null ? "" : actionLabel + ":\n").append(mail.actionUrl()).append("\n\n");
        }
        text.append("-- \n").append(footer).append('\n');
        String unsubscribe = mail.unsubscribeUrl() == null ? null : messages.getMessage("mail.unsubscribe", null, locale);
        if (unsubscribe != null) {
            text.append(unsubscribe).append(":\n").append(mail.unsubscribeUrl()).append('\n');
        }

        BrandColour colour = sender.colour();
        String paragraphs = mail.paragraphs().stream()
                .map(p -> "<p style=\"margin:0 0 16px 0;\">" + escape(message(p, locale)) + "</p>")
                .collect(Collectors.joining("\n"));
        String action = mail.actionUrl() == null ? "" : """
                <p style="margin:24px 0;"><a href="%s" style="display:inline-block;background:%s;color:%s;padding:12px 20px;\
                border-radius:4px;text-decoration:none;font-weight:bold;">%s</a></p>
                <p style="margin:0;font-size:13px;color:#555555;word-break:break-all;">%s</p>""".formatted(
                escape(mail.actionUrl()), colour.hex(), colour.foreground(), escape(actionLabel == null ? mail.actionUrl() : actionLabel),
                escape(mail.actionUrl()));
        String html = template.replace("{{lang}}", locale.getLanguage())
                .replace("{{subject}}", escape(subject))
                .replace("{{colour}}", colour.hex())
                .replace("{{foreground}}", colour.foreground())
                .replace("{{tenant}}", escape(sender.displayName()))
                .replace("{{footer}}", escape(footer) + (unsubscribe == null ? ""
                        : "<br><a href=\"%s\" style=\"color:#555555;\">%s</a>".formatted(escape(mail.unsubscribeUrl()), escape(unsubscribe))))
                .replace("{{action}}", action)
                .replace("{{paragraphs}}", paragraphs);
        return new Rendered(subject, text.toString(), html);
    }

    private String message(Mail.Text text, Locale locale) {
        return messages.getMessage(text.key(), text.args(), locale);
    }

    private static String escape(String value) {
        return HtmlUtils.htmlEscape(value, StandardCharsets.UTF_8.name());
    }
}
