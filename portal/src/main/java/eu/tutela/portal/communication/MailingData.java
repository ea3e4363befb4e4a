package eu.tutela.portal.communication;

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

/** The messages an institution wrote to the person (and what became of each), and those they wrote as staff. */
@Component
class MailingData implements PersonalDataProvider {

    private final JdbcClient jdbc;

    MailingData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String module() {
        return "communication";
    }

    @Override
    public List<DataCategory> categories() {
        return List.of(new DataCategory("mailings", LawfulBasis.CONSENT, Set.of("mailing", "mailing_recipient"),
                List.of("privacy.recipient.institution", "privacy.recipient.mailServer")));
    }

    @Override
    public void export(DataSubject subject, ExportSink sink) {
        sink.rows(jdbc, "mailings", """
                select m.subject, m.purpose_code as purpose, m.created_at, r.outcome, r.unsubscribed_at
                  from mailing_recipient r join mailing m on m.tenant_id = r.tenant_id and m.id = r.mailing_id
                 where r.person_id = ? order by m.created_at""", subject.personId());
        if (subject.accountUserId() != null) {
            sink.rows(jdbc, "mailings", """
                    select subject as written_subject, purpose_code as purpose, audience, class_name, created_at as written_at
                      from mailing where created_by = ? order by created_at""", subject.accountUserId());
        }
    }

    @Override
    public List<ErasureStep> erasure(DataSubject subject) {
        return List.of(
                ErasureStep.change(jdbc, "mailings", ErasureOutcome.ERASED, "select count(*) from mailing_recipient where person_id = ?",
                        "delete from mailing_recipient where person_id = ?", subject.personId()),
                ErasureStep.held(jdbc, "mailings", "privacy.hold.staffActions", "select count(*) from mailing where created_by = ?",
                        subject.accountUserId()));
    }
}
