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
 * The e-mails about a version people must accept, each in the recipient's language, through the outbox:
 * the notice to every member (written in the publishing transaction, so that a version is never published
 * without it, and delivered however long the mail server is away) and the reminders to those who have not
 * decided. Both lead to the acceptance page.
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
                    Mail.text("policy.mail.action"), acceptanceLink(tenant)));
        }
    }

    /** Reminds each of {@code pending} that {@code version} waits for them, in their language. */
    void remind(TenantSettings tenant, PolicyVersion version, List<Member> pending) {
        for (Member member : pending) {
            outbox.send(new Mail(member.email(), member.locale(), Mail.text("policy.reminder.subject", tenant.displayName()),
                    List.of(Mail.text("policy.reminder.text", tenant.displayName(), version.number())),
                    Mail.text("policy.mail.action"), acceptanceLink(tenant)));
        }
    }

    /** Where a member reads and accepts the version in force; "via=mail" records the e-mail link as the way. */
    private String acceptanceLink(TenantSettings tenant) {
        return address.base() + "/t/" + tenant.slug() + "/policy/accept?via=mail";
    }

    private String topics(List<String> topics, Locale locale) {
        return String.join(", ", topics.stream().map(t -> messages.getMessage("policy.topic." + t, null, t, locale)).toList());
    }
}
