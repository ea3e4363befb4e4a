package eu.tutela.portal.jobs;

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

/**
 * The background work the person started (an import, a mailing), and the domain events that named them while they
 * were delivered between modules (kept until delivered, then cleared by the engine's housekeeping).
 */
@Component
class JobData implements PersonalDataProvider {

    private final JdbcClient jdbc;

    JobData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String module() {
        return "jobs";
    }

    @Override
    public List<DataCategory> categories() {
        return List.of(new DataCategory("background-work", LawfulBasis.PUBLIC_TASK, Set.of("job_run", "event_publication"),
                List.of("privacy.recipient.institution")));
    }

    @Override
    public void export(DataSubject subject, ExportSink sink) {
        if (subject.accountUserId() != null) {
            sink.rows(jdbc, "background-work", "select kind, status, outcome, created_at, finished_at from job_run where started_by = ? order by created_at",
                    subject.accountUserId());
        }
        sink.rows(jdbc, "background-work", """
                select event_type, publication_date, completion_date from event_publication
                 where serialized_event like '%' || ? || '%' order by publication_date""", subject.personId().toString());
    }

    /**
     * Delivered events that name the person (by id, address or full name) go; one still to be delivered stays until it
     * is, since a module's work depends on it.
     */
    @Override
    public List<ErasureStep> erasure(DataSubject subject) {
        String id = subject.personId().toString();
        String email = subject.email() == null || subject.email().isBlank() ? id : subject.email();
        String name = subject.name() == null || subject.name().isBlank() ? id : subject.name();
        return List.of(
                ErasureStep.held(jdbc, "background-work", "privacy.hold.staffActions", "select count(*) from job_run where started_by = ?",
                        subject.accountUserId()),
                ErasureStep.change(jdbc, "background-work", ErasureOutcome.ERASED, """
                        select count(*) from event_publication where completion_date is not null
                           and (strpos(serialized_event, ?) > 0 or strpos(serialized_event, ?) > 0 or strpos(serialized_event, ?) > 0)""", """
                        delete from event_publication where completion_date is not null
                           and (strpos(serialized_event, ?) > 0 or strpos(serialized_event, ?) > 0 or strpos(serialized_event, ?) > 0)""",
                        id, email, name));
    }
}
