package eu.tutela.portal.notification;

import eu.tutela.portal.privacy.DataCategory;
import eu.tutela.portal.privacy.DataSubject;
import eu.tutela.portal.privacy.ErasureOutcome;
import eu.tutela.portal.privacy.ErasureStep;
import eu.tutela.portal.privacy.ExportSink;
import eu.tutela.portal.privacy.LawfulBasis;
import eu.tutela.portal.privacy.PersonalDataProvider;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The e-mails the portal sent to the person's address, as sent (subject and text), with when. */
@Component
class MailData implements PersonalDataProvider {

    private final JdbcClient jdbc;

    MailData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String module() {
        return "notification";
    }

    @Override
    public List<DataCategory> categories() {
        return List.of(new DataCategory("mails", LawfulBasis.PUBLIC_TASK, Set.of("outbound_mail"),
                List.of("privacy.recipient.mailServer")));
    }

    @Override
    public void export(DataSubject subject, ExportSink sink) {
        if (subject.email() == null || subject.email().isBlank()) {
            return;
        }
        sink.rows(jdbc, "mails", """
                select recipient, locale, subject, text_body, created_at, sent_at from outbound_mail
                 where lower(recipient) = lower(?) order by created_at, id""", subject.email());
    }

    /** The mails to the person, and those sent to others that name them (a guardian's about their child). */
    @Override
    public List<ErasureStep> erasure(DataSubject subject) {
        String name = subject.name() == null || subject.name().isBlank() ? null : subject.name();
        return List.of(ErasureStep.change(jdbc, "mails", ErasureOutcome.ERASED, """
                select count(*) from outbound_mail where lower(recipient) = lower(?) or (sent_at is not null and strpos(text_body, ?) > 0)""", """
                delete from outbound_mail where lower(recipient) = lower(?) or (sent_at is not null and strpos(text_body, ?) > 0)""",
                subject.email(), name));
    }
}
