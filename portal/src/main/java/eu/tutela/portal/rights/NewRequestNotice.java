package eu.tutela.portal.rights;

import eu.tutela.portal.notification.Mail;
import eu.tutela.portal.notification.Outbox;
import eu.tutela.portal.notification.PortalAddress;
import eu.tutela.portal.security.Member;
import eu.tutela.portal.security.Members;
import eu.tutela.portal.security.SystemWork;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantSettings;
import eu.tutela.portal.tenancy.TenantSettingsService;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the institution's DPOs of a new request (its administrators, where it has no DPO member), after the commit and
 * at least once (a durable event): the clock runs from receipt, so nobody should learn of it late. The mail names the
 * type, reference and due date, never the requester's words.
 */
@Component
class NewRequestNotice {

    private final RightsRequestRepository repository;
    private final Members members;
    private final Outbox outbox;
    private final PortalAddress address;
    private final TenantSettingsService settings;
    private final MessageSource messages;
    private final TransactionTemplate transactions;

    NewRequestNotice(RightsRequestRepository repository, Members members, Outbox outbox, PortalAddress address,
            TenantSettingsService settings, MessageSource messages, TransactionTemplate transactions) {
        this.transactions = transactions;
        this.repository = repository;
        this.members = members;
        this.outbox = outbox;
        this.address = address;
        this.settings = settings;
        this.messages = messages;
    }

    // No transaction around the listener: the tenant is bound first, then the transaction begins within it. As the
    // platform's own work: the thread that runs it may still carry the requester's sign-in, who may not list members.
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(RightsRequestSubmitted submitted) {
        SystemWork.call(() -> TenantContext.callAs(submitted.tenantId(), () -> transactions.execute(status -> {
            tell(submitted);
            return null;
        })));
    }

    private void tell(RightsRequestSubmitted submitted) {
        RightsRequestRepository.Stored request = repository.find(submitted.requestId()).orElseThrow();
        TenantSettings tenant = settings.current();
        for (Member member : DeadlineAlerts.dposElseAdministrators(members.everyone())) {
            Locale locale = member.locale();
            outbox.send(new Mail(member.email(), locale, Mail.text("rights.mail.subject.new", request.reference()),
                    List.of(Mail.text("rights.mail.new", request.reference(), messages.getMessage("rights.type." + request.type().name(), null, locale),
                            request.deadline().due().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)))),
                    Mail.text("rights.mail.open"), address.base() + "/t/" + tenant.slug() + "/requests/" + request.id()));
        }
    }
}
