package eu.tutela.portal.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionInformation;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionRegistry;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portal's sessions and the Keycloak sessions they belong to, shared by every replica through
 * PostgreSQL. When Keycloak ends a session (sign-out elsewhere, an administrator, a disabled
 * account), whichever replica receives its back-channel call records the portal sessions as
 * revoked; the replica that holds one ends it at its next request (see {@link RevokedSessionFilter}).
 * Spring Security's own handler instead replays the logout against one replica's address, which
 * behind a load balancer reaches the wrong replica half the time, and still reports success.
 */
@Component
class PortalSessions implements OidcSessionRegistry {

    private static final Logger log = LoggerFactory.getLogger(PortalSessions.class);

    private final JdbcClient jdbc;

    PortalSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void saveSessionInformation(OidcSessionInformation info) {
        jdbc.sql("insert into portal_session (http_session_id, oidc_session_id, subject) values (?, ?, ?) on conflict do nothing")
                .params(info.getSessionId(), info.getPrincipal().getIdToken().getClaimAsString("sid"), info.getPrincipal().getSubject())
                .update();
    }

    /**
     * The portal session ended here (signed out, expired), or is about to be saved again under a new
     * id (Spring Security does so when a session id changes): what it held, with a principal that
     * carries just the subject and the Keycloak session id, which is all this registry keeps.
     */
    @Override
    public OidcSessionInformation removeSessionInformation(String httpSessionId) {
        return jdbc.sql("delete from portal_session where http_session_id = ? returning oidc_session_id, subject, created_at")
                .param(httpSessionId)
                .query((rs, row) -> {
                    Instant created = rs.getTimestamp("created_at").toInstant();
                    OidcIdToken.Builder token = OidcIdToken.withTokenValue("kept-in-the-registry").subject(rs.getString("subject"))
                            .issuedAt(created).expiresAt(created.plusSeconds(1));
                    String sid = rs.getString("oidc_session_id");
                    if (sid != null) {
                        token.claim("sid", sid);
                    }
                    return new OidcSessionInformation(httpSessionId, Map.of(), new DefaultOidcUser(List.of(), token.build()));
                })
                .optional().orElse(null);
    }

    /** Sessions are revoked, not handed back: see {@link #revokeFor}. */
    @Override
    public Iterable<OidcSessionInformation> removeSessionInformation(OidcLogoutToken token) {
        return List.of();
    }

    /**
     * Records every portal session of the Keycloak session the logout token names (or, without a
     * session id, of its subject) as revoked, on whichever replica Keycloak called.
     */
    @Transactional
    public int revokeFor(OidcLogoutToken token) {
        List<String> sessions = token.getSessionId() != null
                ? jdbc.sql("delete from portal_session where oidc_session_id = ? returning http_session_id")
                        .param(token.getSessionId()).query(String.class).list()
                : jdbc.sql("delete from portal_session where subject = ? returning http_session_id")
                        .param(token.getSubject()).query(String.class).list();
        sessions.forEach(id -> jdbc.sql("insert into revoked_portal_session (http_session_id) values (?) on conflict do nothing")
                .param(id).update());
        log.info("Keycloak ended session {} of subject {}: {} portal session(s) revoked", token.getSessionId(), token.getSubject(),
                sessions.size());
        return sessions.size();
    }

    /**
     * Whether Keycloak ended this portal session; answering consumes the record, since the caller
     * ends the session at once.
     */
    boolean takeRevocation(String httpSessionId) {
        return jdbc.sql("delete from revoked_portal_session where http_session_id = ?").param(httpSessionId).update() > 0;
    }
}
