package eu.tutela.portal.policy;

import eu.tutela.portal.notification.Mail;
import eu.tutela.portal.notification.Outbox;
import eu.tutela.portal.notification.PortalAddress;
import eu.tutela.portal.security.Member;
import eu.tutela.portal.security.Members;
import eu.tutela.portal.tenancy.TenantSettings;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The e-mail that tells every member of a new version they must accept, each in their language, through
 * the outbox: written in the publishing transaction, so that a version is never published without its
 * notice, and delivered however long the mail server is away.
 */
@Component
class PolicyChangeNotice {

    private final Members members;
    private final Outbox outbox;
    private final PortalAddress address;
    private final MessageSource messages;

    PolicyChangeNotice(Members members, Outbox outbox, PortalAddress address, MessageSource messages) {
        this.members = members;
        this.outbox = outbox;
        this.address = address;
        this.messages = messages;
    }

    void mailEveryMember(TenantSettings tenant, PolicyVersion version) {
        for (Member member : members.everyone()) {
            Locale locale = member.locale();
            String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(version.effectiveDate());
            List<Mail.Text> paragraphs = new ArrayList<>();
            paragraphs.add(Mail.text("policy.mail.published", tenant.displayName(), version.number(), date));
            if (!version.topics().isEmpty()) {
                paragraphs.add(Mail.text("policy.mail.topics", topics(version.topics(), locale)));
            }
            paragraphs.add(Mail.text("policy.mail.accept"));
            outbox.send(new Mail(member.email(), locale, Mail.text("policy.mail.subject", tenant.displayName()), paragraphs,
                    Mail.text("policy.mail.action"),
                    address.base() + "/t/" + tenant.slug() + "/policy/accept?via=mail"));
        }
    }

    private String topics(List<String> topics, Locale locale) {
        return String.join(", ", topics.stream().map(t -> messages.getMessage("policy.topic." + t, null, t, locale)).toList());
    }
}
