package eu.tutela.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import eu.tutela.portal.support.CaughtMail;
import eu.tutela.portal.support.OwnerDatabase;
import eu.tutela.portal.tenancy.Tenant;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantDirectory;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox against the real SMTP server, stopped and started again as an outage would. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MailOutboxIT {

    @Autowired
    Outbox outbox;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Environment env;

    @Test
    void anSmtpOutageDelaysTheMailAndLosesNoneAndItGoesOutOnceInTheRecipientsLanguage() throws Exception {
        Tenant school = tenants.ensure("outbox-school", "École Outbox", "FR", "fr");
        CaughtMail.server().suspend();
        UUID id;
        try {
            id = queue(school, "parent@outbox-school.example", Locale.FRENCH);
            // The server refuses: the outbox keeps the message and tries again, with back-off.
            await().atMost(Duration.ofSeconds(30)).until(() -> attempts(school, id) >= 2);
            assertThat(CaughtMail.withOutboxId(id)).isEmpty();
            assertThat(sent(school, id)).isFalse();
        } finally {
            CaughtMail.server().resume();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> CaughtMail.withOutboxId(id).size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> sent(school, id));
        Thread.sleep(2_000);
        List<MimeMessage> received = CaughtMail.withOutboxId(id);
        assertThat(received).hasSize(1);

        MimeMessage mail = received.getFirst();
        assertThat(mail.getSubject()).isEqualTo("Invitation à rejoindre École Outbox sur Tutela");
        String body = GreenMailUtil.getBody(mail);
        assertThat(body).contains("text/plain").contains("text/html");
        String html = new String(mail.getRawInputStream().readAllBytes());
        assertThat(html).containsIgnoringCase("#1f5f8b");
    }

    @Test
    void aMessageIsNotWrittenWhenTheTransactionThatSendsItRollsBack() {
        Tenant school = tenants.ensure("outbox-rollback", "Outbox Rollback", "FR", "fr");
        UUID[] id = new UUID[1];
        TenantContext.runAs(school.id(), () -> transactions.executeWithoutResult(status -> {
            id[0] = outbox.send(mail("nobody@outbox-rollback.example", Locale.ENGLISH));
            status.setRollbackOnly();
        }));
        long written = OwnerDatabase.inTenant(env, school.id(), owner -> owner.sql("select count(*) from outbound_mail where id = ?")
                .param(id[0]).query(Long.class).single());
        assertThat(written).isZero();
        assertThat(OwnerDatabase.of(env).sql("select count(*) from scheduled_tasks where task_instance = ?")
                .param(id[0].toString()).query(Long.class).single()).isZero();
    }

    UUID queue(Tenant tenant, String to, Locale locale) {
        return TenantContext.callAs(tenant.id(), () -> transactions.execute(status -> outbox.send(mail(to, locale))));
    }

    static Mail mail(String to, Locale locale) {
        return new Mail(to, locale, Mail.text("invitation.mail.subject", "École Outbox"),
                List.of(Mail.text("invitation.mail.body", "Amélie", "École Outbox", "DPO")),
                Mail.text("invitation.mail.action"), "https://tutela.example/invitation/abc");
    }

    private long attempts(Tenant tenant, UUID id) {
        return OwnerDatabase.inTenant(env, tenant.id(), owner -> owner.sql("select attempts from outbound_mail where id = ?")
                .param(id).query(Long.class).single());
    }

    private boolean sent(Tenant tenant, UUID id) {
        return OwnerDatabase.inTenant(env, tenant.id(), owner -> owner.sql("select sent_at is not null from outbound_mail where id = ?")
                .param(id).query(Boolean.class).single());
    }
}
