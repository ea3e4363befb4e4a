package eu.tutela.portal.consent;

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
 * The consent module's personal data: the decisions about the person or taken by them (for a child), their contact
 * preferences, when they came of age for consent, the reminders sent to them, and the institution's consent settings
 * they changed (staff).
 */
@Component
class ConsentData implements PersonalDataProvider {

    private final JdbcClient jdbc;

    ConsentData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String module() {
        return "consent";
    }

    @Override
    public List<DataCategory> categories() {
        List<String> institution = List.of("privacy.recipient.institution");
        return List.of(
                new DataCategory("consent-decisions", LawfulBasis.LEGAL_OBLIGATION, Set.of("consent_decision", "consent_coming_of_age"), institution),
                new DataCategory("contact-preferences", LawfulBasis.CONSENT, Set.of("channel_preference", "consent_reminder"), institution),
                new DataCategory("consent-settings", LawfulBasis.PUBLIC_TASK, Set.of("consent_setting"), institution));
    }

    @Override
    public void export(DataSubject subject, ExportSink sink) {
        sink.rows(jdbc, "consent-decisions", """
                select case when d.subject_id = ? then 'ABOUT_THEM' else 'FOR_A_CHILD' end as role, p.code as purpose,
                       d.decision, d.policy_version, d.policy_hash, d.lang, d.method, d.note, d.recorded_at
                  from consent_decision d join consent_purpose p on p.tenant_id = d.tenant_id and p.id = d.purpose_id
                 where d.subject_id = ? or d.giver_id = ?
                 order by d.recorded_at, d.id""", subject.personId(), subject.personId(), subject.personId());
        sink.rows(jdbc, "consent-decisions", "select reached_on as came_of_age_on, noticed_at from consent_coming_of_age where person_id = ?",
                subject.personId());
        sink.rows(jdbc, "contact-preferences", """
                select topic, channel, allowed, updated_at from channel_preference where person_id = ? order by topic, channel""",
                subject.personId());
        sink.rows(jdbc, "contact-preferences", "select sent_at as reminder_sent_at from consent_reminder where guardian_id = ?",
                subject.personId());
        if (subject.accountUserId() != null) {
            sink.rows(jdbc, "consent-settings", "select all_guardians, updated_at from consent_setting where updated_by = ?",
                    subject.accountUserId());
        }
    }

    /**
     * The decisions stay as the institution's record of what was decided, with the person's link removed when their
     * registry record goes (a guardian's decision keeps its giver, which is the guardian's own record).
     */
    @Override
    public List<ErasureStep> erasure(DataSubject subject) {
        UUID person = subject.personId();
        return List.of(
                new ErasureStep("consent-decisions", ErasureOutcome.ANONYMISED, null,
                        () -> jdbc.sql("select count(*) from consent_decision where subject_id = ? or giver_id = ?").params(person, person)
                                .query(Long.class).single(),
                        () -> { }),
                ErasureStep.change(jdbc, "consent-decisions", ErasureOutcome.ERASED, "select count(*) from consent_coming_of_age where person_id = ?",
                        "delete from consent_coming_of_age where person_id = ?", person),
                ErasureStep.change(jdbc, "contact-preferences", ErasureOutcome.ERASED, "select count(*) from channel_preference where person_id = ?",
                        "delete from channel_preference where person_id = ?", person),
                ErasureStep.change(jdbc, "contact-preferences", ErasureOutcome.ERASED, "select count(*) from consent_reminder where guardian_id = ?",
                        "delete from consent_reminder where guardian_id = ?", person),
                ErasureStep.held(jdbc, "consent-settings", "privacy.hold.staffActions", "select count(*) from consent_setting where updated_by = ?",
                        subject.accountUserId()));
    }
}
