package eu.tutela.portal.support;

import eu.tutela.portal.devservices.EmbeddedServices;
import eu.tutela.portal.devservices.EmbeddedSmtpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.UUID;

/** The messages the embedded SMTP server of this test JVM received, found by the outbox id they carry. */
public final class CaughtMail {

    private CaughtMail() {
    }

    public static EmbeddedSmtpServer server() {
        return EmbeddedServices.current().orElseThrow().smtp().orElseThrow();
    }

    public static List<MimeMessage> withOutboxId(UUID mailId) {
        return server().received().stream().filter(m -> mailId.toString().equals(header(m, "X-Tutela-Mail"))).toList();
    }

    public static List<MimeMessage> to(String recipient) {
        return server().received().stream().filter(m -> {
            try {
                return m.getAllRecipients() != null && java.util.Arrays.stream(m.getAllRecipients())
                        .anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    /**
     * What {@code pattern} finds in the messages to {@code recipient}, oldest first: its first group
     * when it has one, else the whole match. Quoted-printable line breaks are joined first.
     */
    public static List<String> found(String recipient, java.util.regex.Pattern pattern) {
        return to(recipient).stream().map(com.icegreen.greenmail.util.GreenMailUtil::getBody)
                .map(body -> body.replace("=\r\n", "").replace("=3D", "="))
                .map(pattern::matcher).filter(java.util.regex.Matcher::find)
                .map(m -> m.groupCount() > 0 ? m.group(1) : m.group()).toList();
    }

    /** The message's subject, then its whole body with the quoted-printable encoding undone: what a reader sees, as text. */
    public static String text(MimeMessage message) {
        try {
            byte[] body = jakarta.mail.internet.MimeUtility.decode(new java.io.ByteArrayInputStream(
                    com.icegreen.greenmail.util.GreenMailUtil.getBody(message).getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                    "quoted-printable").readAllBytes();
            return message.getSubject() + "\n" + new String(body, java.nio.charset.StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, null);
        } catch (MessagingException e) {
            return null;
        }
    }
}
