package eu.tutela.portal.notification;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import eu.tutela.portal.jobs.JobQueue;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantSettings;
import eu.tutela.portal.tenancy.TenantSettingsService;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a message in the caller's transaction and queues its delivery in the same transaction: a
 * message exists if and only if the change that sends it committed, and it is delivered afterwards,
 * however long the SMTP server is away.
 */
@Service
public class Outbox {

    private final JdbcClient jdbc;
    private final JobQueue queue;
    private final OneTimeTask<MailDelivery> deliveryTask;
    private final MailLayout layout;
    private final TenantSettingsService settings;

    Outbox(JdbcClient jdbc, JobQueue queue, OneTimeTask<MailDelivery> deliveryTask, MailLayout layout,
            TenantSettingsService settings) {
        this.jdbc = jdbc;
        this.queue = queue;
        this.deliveryTask = deliveryTask;
        this.layout = layout;
        this.settings = settings;
    }

    /** Queues the message for the tenant of the current transaction; returns its id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID send(Mail mail) {
        UUID tenant = TenantContext.current().orElseThrow(() -> new IllegalStateException("A message belongs to a tenant"));
        TenantSettings sender = settings.current();
        Locale locale = sender.languages().contains(mail.locale().getLanguage()) ? mail.locale() : Locale.of(sender.languages().getFirst());
        MailLayout.Rendered rendered = layout.render(mail, locale, sender);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into outbound_mail (tenant_id, id, recipient, locale, subject, text_body, html_body, unsubscribe_url)
                        values (current_tenant_id(), ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, mail.to(), locale.getLanguage(), rendered.subject(), rendered.text(), rendered.html(), mail.unsubscribeUrl())
                .update();
        queue.queue(deliveryTask.schedulableInstance(id.toString(), new MailDelivery(tenant, id)));
        return id;
    }
}
