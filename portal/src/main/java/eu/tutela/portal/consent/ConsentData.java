package eu.tutela.portal.consent;

import eu.tutela.portal.privacy.DataCategory;
import eu.tutela.portal.privacy.DataSubject;
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
}
