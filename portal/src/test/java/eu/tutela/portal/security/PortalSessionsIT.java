package eu.tutela.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionInformation;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.test.context.ActiveProfiles;

/** The session registry every replica shares, against the real database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PortalSessionsIT {

    @Autowired
    PortalSessions sessions;

    @Test
    void aSessionWhoseIdChangesIsStillRevokedWhenKeycloakEndsItsSignIn() {
        sessions.saveSessionInformation(session("http-old", "kc-session-1", "subject-1"));

        // What Spring Security does when the HTTP session id changes: remove under the old id, save under the new.
        OidcSessionInformation moved = sessions.removeSessionInformation("http-old");
        sessions.saveSessionInformation(moved.withSessionId("http-new"));

        assertThat(sessions.revokeFor(logoutToken("kc-session-1", "subject-1"))).isEqualTo(1);
        assertThat(sessions.takeRevocation("http-old")).isFalse();
        assertThat(sessions.takeRevocation("http-new")).isTrue();
        assertThat(sessions.takeRevocation("http-new")).as("consumed once the session is ended").isFalse();
    }

    @Test
    void aLogoutTokenWithoutSessionIdRevokesEveryPortalSessionOfItsSubjectAndNoOneElses() {
        sessions.saveSessionInformation(session("http-a1", "kc-a1", "subject-a"));
        sessions.saveSessionInformation(session("http-a2", "kc-a2", "subject-a"));
        sessions.saveSessionInformation(session("http-b", "kc-b", "subject-b"));

        assertThat(sessions.revokeFor(logoutToken(null, "subject-a"))).isEqualTo(2);
        assertThat(sessions.takeRevocation("http-a1")).isTrue();
        assertThat(sessions.takeRevocation("http-a2")).isTrue();
        assertThat(sessions.takeRevocation("http-b")).isFalse();
        assertThat(sessions.removeSessionInformation("http-b")).isNotNull();
    }

    private static OidcSessionInformation session(String httpSessionId, String sid, String subject) {
        OidcIdToken token = OidcIdToken.withTokenValue("id-token").subject(subject).claim("sid", sid)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300)).build();
        return new OidcSessionInformation(httpSessionId, Map.of(), new DefaultOidcUser(List.of(), token));
    }

    private static OidcLogoutToken logoutToken(String sid, String subject) {
        OidcLogoutToken.Builder token = OidcLogoutToken.withTokenValue("logout-token").subject(subject)
                .issuer("http://keycloak.example/realms/tutela").audience(List.of("tutela-portal")).issuedAt(Instant.now())
                .jti(UUID.randomUUID().toString())
                .claim("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()));
        if (sid != null) {
            token.sessionId(sid);
        }
        return token.build();
    }
}
