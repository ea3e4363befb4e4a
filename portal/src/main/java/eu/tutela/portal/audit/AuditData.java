package eu.tutela.portal.audit;

import eu.tutela.portal.privacy.DataCategory;
import eu.tutela.portal.privacy.DataSubject;
import eu.tutela.portal.privacy.ErasureStep;
import eu.tutela.portal.privacy.ExportSink;
import eu.tutela.portal.privacy.LawfulBasis;
import eu.tutela.portal.privacy.PersonalDataProvider;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit trail's entries the person appears in: those about their record or account, and those they made. The
 * trail is kept to account for what was done with personal data (GDPR Art. 5(2)).
 */
@Component
class AuditData implements PersonalDataProvider {

    private final JdbcClient jdbc;

    AuditData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String module() {
        return "audit";
    }

    @Override
    public List<DataCategory> categories() {
        return List.of(
                new DataCategory("audit-trail", LawfulBasis.LEGAL_OBLIGATION, Set.of("audit_entry"), List.of("privacy.recipient.institution")),
                new DataCategory("platform-audit", LawfulBasis.LEGITIMATE_INTERESTS, Set.of("platform_audit_entry"),
                        List.of("privacy.recipient.platform")));
    }

    @Override
    public void export(DataSubject subject, ExportSink sink) {
        String account = subject.accountUserId() == null ? null : subject.accountUserId().toString();
        sink.rows(jdbc, "audit-trail", """
                select occurred_at, actor_label, action, subject_type, subject_label, summary from audit_entry
                 where subject_id = ? or subject_id = ? or actor_id = cast(? as uuid)
                 order by seq""", subject.personId().toString(), account, account);
        sink.rows(jdbc, "platform-audit", """
                select occurred_at, action, target_slug, summary from platform_audit_entry where lower(actor_label) = lower(?)
                 order by seq""", subject.email());
    }

    @Override
    public List<ErasureStep> erasure(DataSubject subject) {
        String account = subject.accountUserId() == null ? null : subject.accountUserId().toString();
        return List.of(
                ErasureStep.held(jdbc, "audit-trail", "privacy.hold.auditTrail", """
                        select count(*) from audit_entry where subject_id = ? or subject_id = ? or actor_id = cast(? as uuid)""",
                        subject.personId().toString(), account, account),
                ErasureStep.held(jdbc, "platform-audit", "privacy.hold.platformAudit",
                        "select count(*) from platform_audit_entry where lower(actor_label) = lower(?)", subject.email()));
    }
}
