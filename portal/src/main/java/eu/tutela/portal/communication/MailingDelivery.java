package eu.tutela.portal.communication;

import eu.tutela.portal.consent.Channel;
import eu.tutela.portal.consent.ConsentPurpose;
import eu.tutela.portal.consent.ConsentPurposes;
import eu.tutela.portal.consent.ConsentService;
import eu.tutela.portal.jobs.JobContext;
import eu.tutela.portal.notification.Mail;
import eu.tutela.portal.notification.Outbox;
import eu.tutela.portal.notification.PortalAddress;
import eu.tutela.portal.people.Contact;
import eu.tutela.portal.people.People;
import eu.tutela.portal.security.LinkToken;
import eu.tutela.portal.tenancy.TenantSettings;
import eu.tutela.portal.tenancy.TenantSettingsService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a mailing, person by person, asking {@link ConsentService#allowsEach} for each (the purpose, by e-mail) in the
 * transaction that sends to them: a consent withdrawn a second before is honoured. Each person's outcome is recorded in the transaction that
 * queues their mail, a hundred at a time: a run cut short resumes with the people it had not reached, none twice.
 */
@Component
class MailingDelivery {

    private static final int BATCH = 100;

    private final MailingRepository mailings;
    private final People people;
    private final ConsentService consents;
    private final ConsentPurposes purposes;
    private final Outbox outbox;
    private final PortalAddress address;
    private final TenantSettingsService settings;
    private final TransactionTemplate transactions;

    MailingDelivery(MailingRepository mailings, People people, ConsentService consents, ConsentPurposes purposes, Outbox outbox,
            PortalAddress address, TenantSettingsService settings, TransactionTemplate transactions) {
        this.mailings = mailings;
        this.people = people;
        this.consents = consents;
        this.purposes = purposes;
        this.outbox = outbox;
        this.address = address;
        this.settings = settings;
        this.transactions = transactions;
    }

    /** Sends what is left of this mailing; returns the counts for the run's outcome. */
    String deliver(UUID mailingId, JobContext context) {
        MailingRepository.Stored mailing = transactions.execute(status -> mailings.find(mailingId))
                .orElseThrow(() -> new IllegalStateException("No mailing " + mailingId));
        Optional<ConsentPurpose> purpose = purposes.all().stream().filter(p -> p.code().equals(mailing.purposeCode())).findFirst();
        TenantSettings tenant = settings.current();
        List<Contact> everyone = people.reachable(mailing.audience().kind(), mailing.className());
        Set<UUID> considered = transactions.execute(status -> mailings.considered(mailingId));
        List<Contact> left = everyone.stream().filter(c -> !considered.contains(c.personId())).toList();
        long done = everyone.size() - left.size();
        context.progress(done, (long) everyone.size());
        for (int from = 0; from < left.size(); from += BATCH) {
            List<Contact> batch = left.subList(from, Math.min(left.size(), from + BATCH));
            transactions.executeWithoutResult(status -> {
                Map<UUID, Boolean> allowed = purpose.isEmpty() ? Map.of() : consents.allowsEach(batch.stream()
                        .filter(c -> c.email() != null && !c.email().isBlank()).map(Contact::personId).toList(), mailing.purposeCode(),
                        Channel.EMAIL);
                batch.forEach(c -> deliverTo(mailing, purpose, tenant, c, allowed.getOrDefault(c.personId(), false)));
            });
            done += batch.size();
            context.progress(done, (long) everyone.size());
        }
        MailingRepository.Summary counts = transactions.execute(status -> mailings.summary(mailingId)).orElseThrow();
        return "sent=" + counts.sent() + " notAllowed=" + counts.notAllowed() + " noAddress=" + counts.noAddress();
    }

    private void deliverTo(MailingRepository.Stored mailing, Optional<ConsentPurpose> purpose, TenantSettings tenant, Contact contact,
            boolean allowed) {
        if (contact.email() == null || contact.email().isBlank()) {
            mailings.record(mailing.id(), contact.personId(), MailingRepository.Outcome.NO_ADDRESS, null, null);
            return;
        }
        if (purpose.isEmpty() || !allowed) {
            mailings.record(mailing.id(), contact.personId(), MailingRepository.Outcome.NOT_ALLOWED, null, null);
            return;
        }
        Locale locale = tenant.languages().contains(contact.language()) ? Locale.of(contact.language()) : Locale.of(tenant.languages().getFirst());
        List<Mail.Text> paragraphs = new ArrayList<>();
        Arrays.stream(mailing.body().split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty())
                .forEach(p -> paragraphs.add(Mail.text("mailing.mail.paragraph", p)));
        paragraphs.add(Mail.text("mailing.mail.why", purpose.get().name(locale)));
        String unsubscribe = LinkToken.generate();
        UUID mail = outbox.send(new Mail(contact.email(), locale, Mail.text("mailing.mail.subject", mailing.subject()), paragraphs,
                Mail.text("mailing.mail.action"), address.base() + "/t/" + tenant.slug() + "/my-privacy",
                address.base() + UnsubscribeEndpoint.path(unsubscribe)));
        mailings.record(mailing.id(), contact.personId(), MailingRepository.Outcome.SENT, mail, LinkToken.hash(unsubscribe));
    }
}
