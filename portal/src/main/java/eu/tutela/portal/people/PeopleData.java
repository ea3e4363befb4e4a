package eu.tutela.portal.people;

import eu.tutela.portal.privacy.DataCategory;
import eu.tutela.portal.privacy.DataSubject;
import java.util.UUID;
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
 * The registry's personal data: the person's record, their family links, and the roster imports it came from (the
 * source, GDPR Art. 15(1)(g)). An import's raw files hold the whole roster: what they say of this person is their
 * record, so only the import that last wrote it is named, never other people's rows.
 */
@Component
class PeopleData implements PersonalDataProvider {

    private final JdbcClient jdbc;

    PeopleData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String module() {
        return "people";
    }

    @Override
    public List<DataCategory> categories() {
        return List.of(
                new DataCategory("person", LawfulBasis.PUBLIC_TASK, Set.of("person"), List.of("privacy.recipient.institution")),
                new DataCategory("family-links", LawfulBasis.PUBLIC_TASK, Set.of("guardianship"), List.of("privacy.recipient.institution")),
                new DataCategory("roster-imports", LawfulBasis.PUBLIC_TASK, Set.of("roster_import", "roster_import_file",
                        "roster_import_chunk", "roster_import_problem", "roster_kept_person", "roster_kept_link", "roster_kept_problem",
                        "roster_kept_guardianship", "roster_kept_verdict", "roster_kept_removal"),
                        List.of("privacy.recipient.institution")));
    }

    @Override
    public void export(DataSubject subject, ExportSink sink) {
        sink.rows(jdbc, "person", """
                select kind, given_name, family_name, birth_date, class_name, email, phone, language, job_function, external_id, active,
                       restricted_since, restriction_reason, created_at, updated_at
                  from person where id = ?""", subject.personId());
        sink.rows(jdbc, "family-links", """
                select case when g.child_id = ? then 'GUARDIAN' else 'CHILD' end as other_is, g.relationship, g.parental_responsibility,
                       p.given_name, p.family_name
                  from guardianship g join person p on p.tenant_id = g.tenant_id
                       and p.id = case when g.child_id = ? then g.guardian_id else g.child_id end
                 where g.child_id = ? or g.guardian_id = ?
                 order by p.family_name, p.given_name""", subject.personId(), subject.personId(), subject.personId(), subject.personId());
        sink.rows(jdbc, "roster-imports", """
                select i.file_name, i.format, i.uploaded_at, i.applied_at
                  from roster_import i join person p on p.tenant_id = i.tenant_id and p.last_import_id = i.id
                 where p.id = ?""", subject.personId());
    }

    /**
     * The record goes last (what the other modules keep loses its link to it then). An import's raw files hold the whole
     * roster as uploaded: those of finished imports go with anyone they brought in (the imports' history stays).
     */
    @Override
    public List<ErasureStep> erasure(DataSubject subject) {
        UUID person = subject.personId();
        return List.of(
                ErasureStep.change(jdbc, "roster-imports", ErasureOutcome.ERASED, """
                        select count(*) from roster_import_chunk c join roster_import i on i.tenant_id = c.tenant_id and i.id = c.import_id
                         where i.status in ('APPLIED', 'REFUSED', 'FAILED', 'CANCELLED')
                           and exists (select 1 from person p where p.id = ? and p.last_import_id is not null)""", """
                        delete from roster_import_chunk c using roster_import i
                         where i.tenant_id = c.tenant_id and i.id = c.import_id and i.status in ('APPLIED', 'REFUSED', 'FAILED', 'CANCELLED')
                           and exists (select 1 from person p where p.id = ? and p.last_import_id is not null)""", person),
                ErasureStep.change(jdbc, "family-links", ErasureOutcome.ERASED, "select count(*) from guardianship where child_id = ? or guardian_id = ?",
                        "delete from guardianship where child_id = ? or guardian_id = ?", person, person),
                ErasureStep.change(jdbc, "person", ErasureOutcome.ERASED, "select count(*) from person where id = ?",
                        "delete from person where id = ?", person));
    }

    @Override
    public int erasureOrder() {
        return 1;
    }
}
