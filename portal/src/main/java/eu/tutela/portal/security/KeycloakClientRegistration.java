package eu.tutela.portal.security;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;

/**
 * The Keycloak client, spelled out endpoint by endpoint rather than discovered from the issuer:
 * discovery happens at start-up, and the portal must start (and say so) while Keycloak is down.
 */
@Configuration(proxyBeanMethods = false)
class KeycloakClientRegistration {

    static final String REGISTRATION_ID = "keycloak";
    /** Every organization the user belongs to, so that switching tenant needs no new sign-in. */
    static final String ALL_ORGANIZATIONS_SCOPE = "organization:*";

    @Bean
    ClientRegistrationRepository clientRegistrations(KeycloakSettings keycloak) {
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientId(keycloak.clientId())
                .clientSecret(keycloak.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email", ALL_ORGANIZATIONS_SCOPE)
                .issuerUri(keycloak.realmUrl())
                .authorizationUri(keycloak.oidcEndpoint("auth"))
                .tokenUri(keycloak.oidcEndpoint("token"))
                .jwkSetUri(keycloak.oidcEndpoint("certs"))
                .userInfoUri(keycloak.oidcEndpoint("userinfo"))
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", keycloak.oidcEndpoint("logout")))
                .clientName("Keycloak")
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }
}
