package eu.tutela.portal.security;

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
 * The person's portal account: their identity as the identity provider gave it, their roles in the institution, the
 * invitations sent to them, and their sign-in sessions (the session identifiers themselves are secrets: only that a
 * session existed, and when, is told). The password is Keycloak's and never here.
 */
@Component
class AccountData implements PersonalDataProvider {

    private final JdbcClient jdbc;

    AccountData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String module() {
        return "security";
    }

    @Override
    public List<DataCategory> categories() {
        List<String> recipients = List.of("privacy.recipient.institution", "privacy.recipient.identityProvider");
        return List.of(
                new DataCategory("account", LawfulBasis.PUBLIC_TASK, Set.of("app_user", "membership"), recipients),
                new DataCategory("invitations", LawfulBasis.PUBLIC_TASK, Set.of("invitation"), recipients),
                new DataCategory("sessions", LawfulBasis.LEGITIMATE_INTERESTS, Set.of("portal_session", "revoked_portal_session"), recipients));
    }

    @Override
    public void export(DataSubject subject, ExportSink sink) {
        sink.rows(jdbc, "invitations", """
                select email, role, locale, created_at, expires_at, accepted_at, revoked_at
                  from invitation where person_id = ? or lower(email) = lower(?) order by created_at""", subject.personId(), subject.email());
        if (subject.accountUserId() == null) {
            return;
        }
        sink.rows(jdbc, "account", "select email, display_name, locale, created_at from app_user where id = ?", subject.accountUserId());
        sink.rows(jdbc, "account", "select role, created_at from membership where user_id = ? order by created_at", subject.accountUserId());
        sink.rows(jdbc, "sessions", """
                select s.created_at as signed_in_at from portal_session s join app_user u on u.subject = s.subject
                 where u.id = ? order by s.created_at""", subject.accountUserId());
    }
}
