package eu.tutela.portal.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the identity provider is and how the portal talks to it. In the embedded defaults the URL
 * and admin credentials are filled in by the project's own Keycloak launcher.
 */
@ConfigurationProperties("tutela.keycloak")
public record KeycloakSettings(
        String url,
        String realm,
        String clientId,
        String clientSecret,
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
