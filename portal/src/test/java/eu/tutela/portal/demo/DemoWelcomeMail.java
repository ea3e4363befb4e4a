package eu.tutela.portal.demo;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * A welcome message to each demo person, through the configured SMTP server, so that the dev
 * mailbox shows real mail from the first start. Delivery that must never be lost comes with the
 * notification outbox; this one is a courtesy and only logged when the server refuses it.
 */
@Component
class DemoWelcomeMail {

    private static final Logger log = LoggerFactory.getLogger(DemoWelcomeMail.class);

    private final JavaMailSender mail;
    private final Set<String> sentThisRun = ConcurrentHashMap.newKeySet();

    DemoWelcomeMail(JavaMailSender mail) {
        this.mail = mail;
    }

    void sendOnce(DemoAccount account) {
        if (!sentThisRun.add(account.email())) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom("no-reply@tutela.example");
        message.setTo(account.email());
        boolean french = "fr".equals(account.locale());
        message.setSubject(french ? "Votre compte de démonstration Tutela" : "Your Tutela demo account");
        message.setText(french
                ? "Bonjour " + account.firstName() + ",\n\nVotre compte de démonstration Tutela est prêt. Identifiant : "
                        + account.email() + ".\n"
                : "Hello " + account.firstName() + ",\n\nYour Tutela demo account is ready. Sign-in: " + account.email() + ".\n");
        try {
            mail.send(message);
        } catch (MailException e) {
            log.warn("Demo welcome mail to {} not sent: {}", account.email(), e.getMessage());
        }
    }
}
