package eu.tutela.portal.notification;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import eu.tutela.portal.jobs.Backoff;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantDirectory;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers one outbox message: the engine runs it on one replica only, retries it with back-off
 * (from {@code tutela.mail.retry-first} doubling up to {@code tutela.mail.retry-ceiling}) while the SMTP
 * server refuses, and a message already marked sent is never sent again.
 */
@Configuration(proxyBeanMethods = false)
class MailDeliveryTask {

    private static final Logger log = LoggerFactory.getLogger(MailDeliveryTask.class);

    record Outgoing(String recipient, String subject, String text, String html, String unsubscribeUrl, boolean sent) {
    }

    @Bean
    OneTimeTask<MailDelivery> mailDelivery(JavaMailSender sender, JdbcClient jdbc, TransactionTemplate transactions, TenantDirectory tenants,
            @Value("${tutela.mail.from:no-reply@tutela.example}") String from,
            @Value("${tutela.mail.retry-first:5s}") Duration first,
            @Value("${tutela.mail.retry-ceiling:10m}") Duration ceiling) {
        return Tasks.oneTime("mail-delivery", MailDelivery.class)
                .onFailure(new Backoff<>(first, ceiling))
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    if (tenants.isSuspended(instance.getData().tenantId())) {
                        // A suspended tenant's mail waits (tried again with the back-off) until it is reactivated.
                        throw new IllegalStateException("Tenant " + instance.getData().tenantId() + " is suspended: mail "
                                + instance.getData().mailId() + " waits");
                    }
                    TenantContext.runAs(instance.getData().tenantId(),
                            () -> deliver(instance.getData(), sender, jdbc, transactions, from));
                });
    }

    private static void deliver(MailDelivery delivery, JavaMailSender sender, JdbcClient jdbc, TransactionTemplate transactions,
            String from) {
        Outgoing mail = transactions.execute(status -> jdbc.sql(
                        "select recipient, subject, text_body, html_body, unsubscribe_url, sent_at is not null as sent from outbound_mail where id = ?")
                .param(delivery.mailId())
                .query((rs, row) -> new Outgoing(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getBoolean(6)))
                .optional().orElse(null));
        if (mail == null || mail.sent()) {
            return;
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(mail.recipient());
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
            message.setHeader("X-Tutela-Mail", delivery.mailId().toString());
            if (mail.unsubscribeUrl() != null) {
                // RFC 8058: the client POSTs "List-Unsubscribe=One-Click" to the URL, without asking the person again.
                message.setHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            sender.send(message);
        } catch (Exception e) {
            log.warn("Mail {} not delivered yet: {}", delivery.mailId(), e.getMessage());
            transactions.executeWithoutResult(status -> jdbc.sql(
                            "update outbound_mail set attempts = attempts + 1, last_error = left(?, 500) where id = ?")
                    .params(String.valueOf(e.getMessage()), delivery.mailId()).update());
            throw new IllegalStateException("SMTP delivery failed", e);
        }
        transactions.executeWithoutResult(status -> jdbc.sql(
                        "update outbound_mail set sent_at = now(), attempts = attempts + 1, last_error = null where id = ?")
                .param(delivery.mailId()).update());
    }
}
