package eu.tutela.tenantadmin.keycloak;

import java.util.List;
import java.util.Objects;

/**
 * The Tutela realm and the portal's OIDC client, as {@link KeycloakDirectory#ensureRealm(RealmSpec)} makes them.
 *
 * @param realm                  realm name, {@code tutela}
 * @param displayName            shown on the login page
 * @param clientId               the portal's confidential client, {@code tutela-portal}
 * @param clientSecret           its secret
 * @param redirectUris           valid redirect URIs; a trailing {@code *} is a prefix match, e.g.
 *                               {@code http://127.0.0.1:*} (any loopback port)
 * @param postLogoutRedirectUris valid post-logout redirect URIs, same syntax
 * @param backchannelLogoutUrl   where Keycloak tells the portal that a session ended (OIDC Back-Channel Logout),
 *                               or null for none
 * @param directoryClientSecret  the secret of {@link #DIRECTORY_CLIENT_ID}, the confidential client whose service account
 *                               is all the portal administers Keycloak with (client credentials), or null for none
 * @param smtp                   the mail server Keycloak sends its own e-mails through (address verification,
 *                               password reset), or null for none
 */
public record RealmSpec(String realm, String displayName, String clientId, String clientSecret,
                        List<String> redirectUris, List<String> postLogoutRedirectUris, String backchannelLogoutUrl,
                        String directoryClientSecret, RealmMail smtp) {

    /** The client the portal administers users and organizations with: service account only, no sign-in. */
    public static final String DIRECTORY_CLIENT_ID = "tutela-directory";

    /** How Keycloak sends its own e-mails. */
    public record RealmMail(String host, int port, String from) {
    }

    public static final String DEFAULT_REALM = "tutela";
    public static final String DEFAULT_CLIENT_ID = "tutela-portal";
    /** Loopback on any port, by IP and by name: what the demo and the tests need. */
    public static final List<String> LOOPBACK_ANY_PORT = List.of("http://127.0.0.1:*", "http://localhost:*");

    public RealmSpec {
        requireText(realm, "realm");
        requireText(displayName, "displayName");
        requireText(clientId, "clientId");
        requireText(clientSecret, "clientSecret");
        redirectUris = List.copyOf(Objects.requireNonNull(redirectUris, "redirectUris"));
        postLogoutRedirectUris = List.copyOf(Objects.requireNonNull(postLogoutRedirectUris, "postLogoutRedirectUris"));
        if (redirectUris.isEmpty()) {
            throw new IllegalArgumentException("redirectUris must not be empty");
        }
    }

    /** Realm {@code tutela}, client {@code tutela-portal}, with these secret and URIs. */
    public static RealmSpec tutela(String clientSecret, List<String> redirectUris, List<String> postLogoutRedirectUris) {
        return new RealmSpec(DEFAULT_REALM, "Tutela", DEFAULT_CLIENT_ID, clientSecret, redirectUris, postLogoutRedirectUris, null,
                null, null);
    }

    /** Realm {@code tutela} for the demo and tests: redirects to loopback on any port. */
    public static RealmSpec tutelaOnLoopback(String clientSecret) {
        return tutela(clientSecret, LOOPBACK_ANY_PORT, LOOPBACK_ANY_PORT);
    }

    /** The same realm and client, with Keycloak calling this URL when one of the portal's sessions ends. */
    public RealmSpec withBackchannelLogoutUrl(String url) {
        return new RealmSpec(realm, displayName, clientId, clientSecret, redirectUris, postLogoutRedirectUris, url,
                directoryClientSecret, smtp);
    }

    /** The same realm, with the portal's directory client ({@link #DIRECTORY_CLIENT_ID}) and this secret. */
    public RealmSpec withDirectoryClient(String secret) {
        requireText(secret, "directoryClientSecret");
        return new RealmSpec(realm, displayName, clientId, clientSecret, redirectUris, postLogoutRedirectUris,
                backchannelLogoutUrl, secret, smtp);
    }

    /** The same realm, sending its own e-mails (address verification) through this server. */
    public RealmSpec withMail(RealmMail mail) {
        return new RealmSpec(realm, displayName, clientId, clientSecret, redirectUris, postLogoutRedirectUris,
                backchannelLogoutUrl, directoryClientSecret, mail);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    @Override
    public String toString() {
        return "RealmSpec[realm=" + realm + ", displayName=" + displayName + ", clientId=" + clientId
                + ", clientSecret=***, redirectUris=" + redirectUris + ", postLogoutRedirectUris="
                + postLogoutRedirectUris + ", backchannelLogoutUrl=" + backchannelLogoutUrl + ", directoryClientSecret="
                + (directoryClientSecret == null ? "none" : "***") + ", smtp=" + smtp + "]";
    }
}
