package eu.tutela.portal.security;

import eu.tutela.portal.privacy.DataCategory;
import eu.tutela.portal.privacy.DataSubject;
import eu.tutela.portal.privacy.ExportSink;
import eu.tutela.portal.privacy.ErasureStep;
import eu.tutela.portal.privacy.ErasureOutcome;
import eu.tutela.portal.privacy.LawfulBasis;
import eu.tutela.portal.privacy.PersonalDataProvider;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
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
    private final ApplicationEventPublisher events;

    AccountData(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
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

    /**
     * The account's membership here ends; when no other institution needs the account (another institution's data is
     * not this one's to erase), it is anonymised (what it did keeps pointing at it), its sessions end and its Keycloak
     * identity is deleted.
     */
    @Override
    public List<ErasureStep> erasure(DataSubject subject) {
        ErasureStep invitations = ErasureStep.change(jdbc, "invitations", ErasureOutcome.ERASED,
                "select count(*) from invitation where person_id = ? or lower(email) = lower(?)",
                "delete from invitation where person_id = ? or lower(email) = lower(?)", subject.personId(), subject.email());
        UUID account = subject.accountUserId();
        if (account == null) {
            return List.of(invitations);
        }
        return List.of(invitations,
                new ErasureStep("account", ErasureOutcome.ERASED, null,
                        () -> jdbc.sql("select count(*) from membership where user_id = ?").param(account).query(Long.class).single(),
                        () -> eraseAccount(account)),
                new ErasureStep("account", ErasureOutcome.ANONYMISED, null, () -> freed(account) ? 1 : 0, () -> { }),
                new ErasureStep("account", ErasureOutcome.KEPT, "privacy.hold.otherInstitution",
                        () -> Boolean.TRUE.equals(neededElsewhere(account)) ? 1 : 0, () -> { }),
                new ErasureStep("sessions", ErasureOutcome.ERASED, null, () -> !freed(account) ? 0 : jdbc.sql("""
                        select count(*) from portal_session s join app_user u on u.subject = s.subject where u.id = ?""")
                        .param(account).query(Long.class).single(), () -> { }));
    }

    /** Whether erasing the account here frees it: a member here, and of no other institution. */
    private boolean freed(UUID account) {
        return Boolean.FALSE.equals(neededElsewhere(account));
    }

    /** Whether another institution needs the account; null when it is no member here (then nothing of it is erased here). */
    private Boolean neededElsewhere(UUID account) {
        return jdbc.sql("select account_needed_elsewhere(?)").param(account).query((rs, n) -> (Boolean) rs.getObject(1)).list().getFirst();
    }

    /** In the database now (its sessions too); in Keycloak after the commit, retried until done. */
    private void eraseAccount(UUID account) {
        String slug = jdbc.sql("select slug from tenant where id = current_tenant_id()").query(String.class).single();
        jdbc.sql("select subject, email, freed from erase_account(?)").param(account)
                .query((rs, n) -> new AccountErased(slug, rs.getString("subject"), rs.getBoolean("freed")))
                .optional().filter(erased -> erased.subject() != null).ifPresent(events::publishEvent);
    }
}
