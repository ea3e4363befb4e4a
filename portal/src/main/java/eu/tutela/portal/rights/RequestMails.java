package eu.tutela.portal.rights;

import eu.tutela.portal.notification.Mail;
import eu.tutela.portal.notification.Outbox;
import eu.tutela.portal.notification.PortalAddress;
import eu.tutela.portal.tenancy.TenantSettings;
import eu.tutela.portal.tenancy.TenantSettingsService;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the requester is told by e-mail, in their language, through the outbox (in the transaction of the step it tells
 * of): each mail names the request by its reference and leads to its page; none carries the data asked for.
 */
@Component
class RequestMails {

    private final Outbox outbox;
    private final PortalAddress address;
    private final TenantSettingsService settings;
    private final MessageSource messages;

    RequestMails(Outbox outbox, PortalAddress address, TenantSettingsService settings, MessageSource messages) {
        this.messages = messages;
        this.outbox = outbox;
        this.address = address;
        this.settings = settings;
    }

    /** Tells the requester of a step: {@code what} is the step's message key, {@code message} what the DPO wrote (or null). */
    void tell(RightsRequestRepository.Stored request, String what, String message) {
        TenantSettings tenant = settings.current();
        Locale locale = Locale.of(request.requesterLang());
        String due = request.deadline().due().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
        List<Mail.Text> paragraphs = new ArrayList<>();
        String type = messages.getMessage("rights.type." + request.type().name(), null, locale);
        paragraphs.add(Mail.text("rights.mail." + what, request.reference(), type, due, tenant.displayName()));
        if (message != null && !message.isBlank()) {
            paragraphs.add(Mail.text("rights.mail.message", message));
        }
        if (what.equals("refused")) {
            paragraphs.add(tenant.supervisoryAuthority()
                    .map(a -> Mail.text("rights.mail.complaint", a.name(), a.url()))
                    .orElse(Mail.text("rights.mail.complaintAnywhere")));
        }
        // Someone who wrote through the public form has no account: the answer is in the message itself.
        boolean member = request.source() == RightsRequest.RequestSource.PORTAL;
        outbox.send(new Mail(request.requesterEmail(), locale, Mail.text("rights.mail.subject." + what, request.reference()), paragraphs,
                member ? Mail.text("rights.mail.action") : null, member ? address.base() + "/t/" + tenant.slug() + "/my-requests" : null));
    }
}
