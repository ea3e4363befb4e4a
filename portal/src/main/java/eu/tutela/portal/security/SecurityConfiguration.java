package eu.tutela.portal.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
@EnableConfigurationProperties(KeycloakSettings.class)
class SecurityConfiguration {

    static final String LOGIN_PATH = "/login";
    private static final String UNSUBSCRIBE = "/unsubscribe/*/one-click";
    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ClientRegistrationRepository registrations,
            PortalOidcUserService userService, PortalSessions sessions) throws Exception {
        // The metrics carry no personal data; in production they are served on the management port only (the
        // production profile), which the ingress never routes to and the network policy opens to monitoring alone.
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/health/**", "/actuator/prometheus", "/favicon.ico", "/styles/**",
                "/p/**", UNSUBSCRIBE).permitAll());
        // A mail client's one-click unsubscribe (RFC 8058) is a POST from outside any session: the link's secret is the proof.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(UNSUBSCRIBE));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.oauth2LoginPage(LOGIN_PATH, "{baseUrl}/signed-out"));
        http.oauth2Login(login -> login
                .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(authorizationRequests(registrations)))
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(userService))
                .failureHandler(signInFailure()));
        http.exceptionHandling(errors -> errors.accessDeniedHandler(Refusals::handle));
        // One list of page headers (PageHeaders), written here and on Vaadin's bootstrap page alike;
        // Spring's own frame and content-type writers would only repeat two of them.
        http.headers(headers -> {
            headers.frameOptions(frames -> frames.disable()).contentTypeOptions(types -> types.disable());
            PageHeaders.HEADERS.forEach((name, value) -> headers.addHeaderWriter(new StaticHeadersWriter(name, value)));
        });
        // Keycloak tells the portal when a session ends there (sign-out elsewhere, an administrator
        // ending it, an account disabled): whichever replica it calls records the revocation in the
        // database, and the replica holding the session ends it at its next request.
        http.oidcLogout(logout -> logout.backChannel(channel -> channel.logoutHandler(
                (request, response, authentication) -> sessions.revokeFor((OidcLogoutToken) authentication.getPrincipal()))));
        http.addFilterBefore(new RevokedSessionFilter(sessions), SecurityContextHolderFilter.class);
        return http.build();
    }

    /** PKCE on every sign-in, and Keycloak's own pages in the language the person chose here. */
    private static OAuth2AuthorizationRequestResolver authorizationRequests(ClientRegistrationRepository registrations) {
        var resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce()
                .andThen(request -> request.additionalParameters(params -> params.put("ui_locales", uiLocale()))));
        return resolver;
    }

    private static String uiLocale() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            HttpServletRequest request = servlet.getRequest();
            return LocalePreference.of(request.getCookies(), request.getLocales()).getLanguage();
        }
        return Locale.FRENCH.getLanguage();
    }

    /** A failed or forged sign-in (bad code, bad state, bad signature) is logged and shown as a clear page. */
    private static AuthenticationFailureHandler signInFailure() {
        return (request, response, exception) -> {
            log.warn("Sign-in failed from {}: {}", request.getRemoteAddr(), exception.getMessage());
            String reason = exception instanceof OAuth2AuthenticationException oauth
                    && SignInRefusal.UNVERIFIED_EMAIL.code().equals(oauth.getError().getErrorCode())
                    ? SignInRefusal.UNVERIFIED_EMAIL.code() : "";
            response.sendRedirect(request.getContextPath() + LOGIN_PATH + "?error=" + reason);
        };
    }
}
