package eu.tutela.portal.rights;

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
 * The rights requests about the person or made by them, with what the requester sees of their timeline (the DPO's
 * internal notes are the institution's working notes about the request, not shown) and the archives built for them.
 */
@Component
class RightsData implements PersonalDataProvider {

    private final JdbcClient jdbc;

    RightsData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String module() {
        return "rights";
    }

    @Override
    public List<DataCategory> categories() {
        return List.of(new DataCategory("rights-requests", LawfulBasis.LEGAL_OBLIGATION,
                Set.of("rights_request", "rights_request_event", "rights_request_alert", "rights_archive",
                        "rights_correction", "rights_address_check", "rights_archive_chunk"), List.of("privacy.recipient.institution")));
    }

    @Override
    public void export(DataSubject subject, ExportSink sink) {
        sink.rows(jdbc, "rights-requests", """
                select reference, type, requester_name, requester_email, source, details, status, received_at, due_on,
                       extension_reason, outcome, closed_at
                  from rights_request where subject_id = ? or requester_person_id = ? or requester_user_id = ?
                 order by received_at""",
                subject.personId(), subject.personId(), subject.accountUserId());
        sink.rows(jdbc, "rights-requests", """
                select r.reference, e.kind, e.status, e.body, e.at from rights_request_event e
                  join rights_request r on r.tenant_id = e.tenant_id and r.id = e.request_id
                 where e.kind not in ('NOTE', 'ASSIGNED') and (r.subject_id = ? or r.requester_person_id = ? or r.requester_user_id = ?)
                 order by e.at, e.id""", subject.personId(), subject.personId(), subject.accountUserId());
        sink.rows(jdbc, "rights-requests", """
                select r.reference, c.field as correction_asked, c.proposed from rights_correction c
                  join rights_request r on r.tenant_id = c.tenant_id and r.id = c.request_id
                 where r.subject_id = ? or r.requester_person_id = ? or r.requester_user_id = ?
                 order by r.received_at, c.field""", subject.personId(), subject.personId(), subject.accountUserId());
        sink.rows(jdbc, "rights-requests", """
                select name, email, type, created_at as code_sent_at, wrong_codes, request_id is not null as confirmed
                  from rights_address_check where lower(email) = lower(?) order by created_at""", subject.email());
        // The archives built for them are told of, not copied again into a new one.
        sink.rows(jdbc, "rights-requests", """
                select r.reference, a.status as archive_status, a.created_at, a.ready_at, a.expires_at, a.file_name, a.downloads
                  from rights_archive a join rights_request r on r.tenant_id = a.tenant_id and r.id = a.request_id
                 where r.subject_id = ? or r.requester_person_id = ? or r.requester_user_id = ?
                 order by a.created_at""", subject.personId(), subject.personId(), subject.accountUserId());
    }

    /** The requests and their answers stay, to show how each was answered; the archives built for them go. */
    @Override
    public List<ErasureStep> erasure(DataSubject subject) {
        Object[] whose = {subject.personId(), subject.personId(), subject.accountUserId()};
        return List.of(
                ErasureStep.held(jdbc, "rights-requests", "privacy.hold.rightsRecord",
                        "select count(*) from rights_request where subject_id = ? or requester_person_id = ? or requester_user_id = ?", whose),
                new ErasureStep("rights-requests", ErasureOutcome.ERASED, null, () -> jdbc.sql("""
                        select count(*) from rights_archive a join rights_request r on r.tenant_id = a.tenant_id and r.id = a.request_id
                         where r.subject_id = ? or r.requester_person_id = ? or r.requester_user_id = ?""").params(whose).query(Long.class).single(),
                        () -> {
                            jdbc.sql("""
                                    delete from rights_archive_chunk c using rights_archive a, rights_request r
                                     where a.tenant_id = c.tenant_id and a.id = c.archive_id and r.tenant_id = a.tenant_id and r.id = a.request_id
                                       and (r.subject_id = ? or r.requester_person_id = ? or r.requester_user_id = ?)""").params(whose).update();
                            jdbc.sql("""
                                    delete from rights_archive a using rights_request r where r.tenant_id = a.tenant_id and r.id = a.request_id
                                       and (r.subject_id = ? or r.requester_person_id = ? or r.requester_user_id = ?)""").params(whose).update();
                        }),
                ErasureStep.change(jdbc, "rights-requests", ErasureOutcome.ERASED,
                        "select count(*) from rights_address_check where lower(email) = lower(?)",
                        "delete from rights_address_check where lower(email) = lower(?)", subject.email()));
    }
}
