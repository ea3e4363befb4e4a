package eu.tutela.portal.security;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The portal's own record of each person who can sign in. Keycloak holds credentials, the portal holds rights. */
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
     * time (people are registered before they ever sign in), and binds the subject to them. An
     * e-mail already bound to another Keycloak account is refused rather than taken over.
     */
    @Transactional
    public PortalUser signedIn(String subject, String email, String displayName) {
        Optional<AppUserEntity> known = users.findBySubject(subject);
        if (known.isPresent()) {
            return known.get().toPortalUser();
        }
        AppUserEntity user = users.findByEmailIgnoreCase(email)
                .orElseGet(() -> users.save(new AppUserEntity(email.toLowerCase(Locale.ROOT), displayName)));
        if (user.subject() != null) {
            throw new IdentityConflictException("E-mail of portal user " + user.toPortalUser().id()
                    + " is already bound to another Keycloak account; sign-in of subject " + subject + " refused");
        }
        user.bindSubject(subject);
        log.info("Bound Keycloak subject {} to portal user {}", subject, user.toPortalUser().id());
        return user.toPortalUser();
    }

    /** Registers a person before their first sign-in, or returns the existing one with that e-mail. */
    @Transactional
    public PortalUser ensure(String email, String displayName, boolean platformOperator) {
        jdbc.sql("insert into app_user (id, email, display_name) values (?, ?, ?) on conflict (email) do nothing")
                .params(UUID.randomUUID(), email.toLowerCase(Locale.ROOT), displayName)
                .update();
        AppUserEntity user = users.findByEmailIgnoreCase(email).orElseThrow();
        user.rename(displayName);
        user.setPlatformOperator(platformOperator);
        return user.toPortalUser();
    }

    @Transactional(readOnly = true)
    public Optional<PortalUser> find(UUID id) {
        return users.findById(id).map(AppUserEntity::toPortalUser);
    }

    @Transactional(readOnly = true)
    public Optional<PortalUser> findByEmail(String email) {
        return users.findByEmailIgnoreCase(email).map(AppUserEntity::toPortalUser);
    }

    @Transactional
    public void rememberLocale(UUID userId, Locale locale) {
        users.findById(userId).ifPresent(u -> u.setLocale(locale.getLanguage()));
    }
}
