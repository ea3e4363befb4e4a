package eu.tutela.portal.security;

import eu.tutela.portal.tenancy.ActingPerson;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portal's own record of each person who can sign in. Keycloak holds credentials, the portal
 * holds rights. The database shows a person's record only to that person and to the members of the
 * tenant a transaction is bound to; sign-in and registration go through owner-run functions that
 * answer for one e-mail or one subject (see {@code V2__least_privilege.sql}).
 */
@Service
public class PortalUsers {

    private static final Logger log = LoggerFactory.getLogger(PortalUsers.class);

    private final AppUserRepository users;
    private final JdbcClient jdbc;

    PortalUsers(AppUserRepository users, JdbcClient jdbc) {
        this.users = users;
        this.jdbc = jdbc;
    }

    /**
     * Called at each sign-in: finds the person by their Keycloak subject, or by e-mail the first
     * time (people are registered before they ever sign in), and binds the subject to them. Only an
     * e-mail that Keycloak has verified is bound: with self-registration or an organization's own
     * identity provider, anyone can present any address; an unverified one does not even create a
     * record, which would claim the address before its owner signs in. An e-mail already bound to
     * another Keycloak account is refused rather than taken over. Two tabs finishing one person's
     * first sign-in at once both succeed.
     */
    public PortalUser signedIn(String subject, String email, boolean emailVerified, String displayName) {
        record Outcome(UUID userId, String outcome) {
        }
        Outcome result = jdbc.sql("select user_id, outcome from sign_in(?, ?, ?, ?)")
                .params(subject, email.toLowerCase(Locale.ROOT), emailVerified, displayName)
                .query((rs, row) -> new Outcome(rs.getObject("user_id", UUID.class), rs.getString("outcome")))
                .single();
        switch (result.outcome()) {
            case "UNVERIFIED" -> throw new IdentityConflictException(SignInRefusal.UNVERIFIED_EMAIL, "Keycloak subject "
                    + subject + " presents the unverified e-mail " + email + "; not bound to any portal user");
            case "EMAIL_TAKEN" -> throw new IdentityConflictException(SignInRefusal.EMAIL_TAKEN, "The e-mail " + email
                    + " is already bound to another Keycloak account; sign-in of subject " + subject + " refused");
            case "BOUND" -> log.info("Bound Keycloak subject {} to portal user {}", subject, result.userId());
            default -> {
            }
        }
        // The repository's own read-only transaction begins as the person just signed in, so the row is theirs to read.
        return ActingPerson.callAs(result.userId(), () -> users.findById(result.userId()).map(AppUserEntity::toPortalUser))
                .orElseThrow();
    }

    /**
     * Registers a person before their first sign-in (an invitation, an import, the demo), or finds
     * the one already registered with that e-mail. Their record is read later through the tenant
     * they are made a member of.
     *
     * @return the person's id
     */
    @PreAuthorize("@caller.isSystemWorkOrHas('ADMIN')")
    public UUID register(String email, String displayName) {
        return jdbc.sql("select register_person(?, ?)").params(email.toLowerCase(Locale.ROOT), displayName)
                .query(UUID.class).single();
    }

    /**
     * Makes a person a platform operator, or not. Only through an owner-run function: the
     * application role cannot write the column. Called by the platform's own set-up (the demo).
     */
    @PreAuthorize("@caller.isSystemWorkOrPlatformOperator()")
    public void setPlatformOperator(UUID userId, boolean operator) {
        jdbc.sql("select set_platform_operator(?, ?)").params(userId, operator).query().singleRow();
    }

    /** The person, if the database shows them to the caller: themselves, or a member of the bound tenant. */
    @Transactional(readOnly = true)
    public Optional<PortalUser> find(UUID id) {
        return users.findById(id).map(AppUserEntity::toPortalUser);
    }

    /** The people among {@code ids} that the database shows to the caller, in one query (see {@link #find}). */
    @Transactional(readOnly = true)
    public List<PortalUser> findAll(Collection<UUID> ids) {
        return users.findAllById(ids).stream().map(AppUserEntity::toPortalUser).toList();
    }

    /** The person with this e-mail, under the same visibility as {@link #find}. */
    @Transactional(readOnly = true)
    public Optional<PortalUser> findByEmail(String email) {
        return users.findByEmailIgnoreCase(email).map(AppUserEntity::toPortalUser);
    }

    @Transactional
    public void rememberLocale(UUID userId, Locale locale) {
        users.findById(userId).ifPresent(u -> u.setLocale(locale.getLanguage()));
    }
}
