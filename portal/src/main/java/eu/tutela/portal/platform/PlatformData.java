package eu.tutela.portal.platform;

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
 * What the platform's operation keeps about a person: the exports of a whole institution (which hold everyone's
 * records, so only who asked for one is told here), and the removals from the identity provider still to do when an
 * institution is deleted.
 */
@Component
class PlatformData implements PersonalDataProvider {

    private final JdbcClient jdbc;

    PlatformData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String module() {
        return "platform";
    }

    @Override
    public List<DataCategory> categories() {
        List<String> platform = List.of("privacy.recipient.platform");
        return List.of(
                new DataCategory("institution-exports", LawfulBasis.LEGITIMATE_INTERESTS, Set.of("tenant_export"), platform),
                new DataCategory("identity-cleanup", LawfulBasis.LEGAL_OBLIGATION, Set.of("directory_cleanup"), platform));
    }

    @Override
    public void export(DataSubject subject, ExportSink sink) {
        if (subject.email() == null || subject.email().isBlank()) {
            return;
        }
        sink.rows(jdbc, "institution-exports", """
                select requested_by, status, created_at, finished_at, file_name from tenant_export
                 where position(lower(?) in lower(requested_by)) > 0 order by created_at""", subject.email());
        sink.rows(jdbc, "identity-cleanup", "select tenant_slug, created_at, attempts from directory_cleanup where lower(user_email) = lower(?)",
                subject.email());
    }

    /** An operator's records, about their work on the platform: kept whatever an institution erases. */
    @Override
    public List<ErasureStep> erasure(DataSubject subject) {
        return List.of(
                ErasureStep.held(jdbc, "institution-exports", "privacy.hold.platformRecords",
                        "select count(*) from tenant_export where position(lower(?) in lower(requested_by)) > 0", subject.email()),
                ErasureStep.held(jdbc, "identity-cleanup", "privacy.hold.platformRecords",
                        "select count(*) from directory_cleanup where lower(user_email) = lower(?)", subject.email()));
    }
}
