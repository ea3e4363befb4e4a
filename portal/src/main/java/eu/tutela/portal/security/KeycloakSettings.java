package eu.tutela.portal.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the identity provider is and how the portal talks to it: the sign-in client, and the
 * directory client whose service account administers the realm's people and organizations (client
 * credentials; no master-realm credentials in production). Only where the portal manages the realm
 * itself (the embedded defaults, on a Keycloak the project started) does it also hold the bootstrap
 * administrator, to create the realm and those two clients.
 */
@ConfigurationProperties("tutela.keycloak")
public record KeycloakSettings(
        String url,
        String realm,
        String clientId,
        String clientSecret,
        String directoryClientId,
        String directoryClientSecret,
        String adminUsername,
        String adminPassword,
        boolean manageRealm) {

    public String realmUrl() {
        return url + "/realms/" + realm;
    }

    public String oidcEndpoint(String name) {
        return realmUrl() + "/protocol/openid-connect/" + name;
    }
}
