package eu.tutela.portal.policy;

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

/** Who accepted or declined which version of the privacy policy (for themself or on a child's behalf), and who wrote and published it. */
@Component
class PolicyData implements PersonalDataProvider {

    private final JdbcClient jdbc;

    PolicyData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String module() {
        return "policy";
    }

    @Override
    public List<DataCategory> categories() {
        List<String> institution = List.of("privacy.recipient.institution");
        return List.of(
                new DataCategory("policy-acceptances", LawfulBasis.LEGAL_OBLIGATION, Set.of("policy_acceptance", "policy_standing"), institution),
                new DataCategory("policy-authorship", LawfulBasis.PUBLIC_TASK, Set.of("policy_draft", "policy_version"), institution));
    }

    @Override
    public void export(DataSubject subject, ExportSink sink) {
        sink.rows(jdbc, "policy-acceptances", """
                select version_number, decision, lang, content_hash, channel, on_behalf_of, decided_at
                  from policy_acceptance where for_person = ? or user_id = ? or on_behalf_of = ?
                 order by decided_at""", subject.personId(), subject.accountUserId(), subject.accountUserId());
        if (subject.accountUserId() == null) {
            return;
        }
        sink.rows(jdbc, "policy-acceptances", "select accepted_version, decided_version from policy_standing where user_id = ?",
                subject.accountUserId());
        sink.rows(jdbc, "policy-authorship", "select revision, updated_at, updated_name from policy_draft where updated_by = ?",
                subject.accountUserId());
        sink.rows(jdbc, "policy-authorship", """
                select number as version_published, published_at, publisher_name from policy_version where published_by = ?
                 order by number""", subject.accountUserId());
    }

    @Override
    public List<ErasureStep> erasure(DataSubject subject) {
        UUID account = subject.accountUserId();
        return List.of(
                ErasureStep.held(jdbc, "policy-acceptances", "privacy.hold.policyAcceptances",
                        "select count(*) from policy_acceptance where for_person = ? or user_id = ? or on_behalf_of = ?",
                        subject.personId(), account, account),
                ErasureStep.change(jdbc, "policy-acceptances", ErasureOutcome.ERASED, "select count(*) from policy_standing where user_id = ?",
                        "delete from policy_standing where user_id = ?", account),
                ErasureStep.held(jdbc, "policy-authorship", "privacy.hold.staffActions", """
                        select (select count(*) from policy_draft where updated_by = ?) + (select count(*) from policy_version where published_by = ?)""",
                        account, account));
    }
}
