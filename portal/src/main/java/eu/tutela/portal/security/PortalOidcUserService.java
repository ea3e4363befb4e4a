package eu.tutela.portal.security;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Turns a Keycloak sign-in into a portal user. Platform-wide authority comes from the portal's
 * database; tenant roles are checked per navigation, since they depend on the tenant in the URL.
 */
@Component
class PortalOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final String PLATFORM_OPERATOR = "ROLE_PLATFORM_OPERATOR";
    private static final Logger log = LoggerFactory.getLogger(PortalOidcUserService.class);

    private final OidcUserService oidc = new OidcUserService();
    private final PortalUsers users;

    PortalOidcUserService(PortalUsers users) {
        this.users = users;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser oidcUser = oidc.loadUser(request);
        String email = oidcUser.getEmail();
        if (email == null || email.isBlank()) {
            log.warn("Sign-in refused: token for subject {} carries no e-mail", oidcUser.getSubject());
            throw new OAuth2AuthenticationException(new OAuth2Error("missing_email"));
        }
        String name = oidcUser.getFullName() != null ? oidcUser.getFullName() : email;
        PortalUser user;
        try {
            user = users.signedIn(oidcUser.getSubject(), email, Boolean.TRUE.equals(oidcUser.getEmailVerified()), name);
        } catch (IdentityConflictException e) {
            log.warn("Sign-in refused: {}", e.getMessage());
            throw new OAuth2AuthenticationException(new OAuth2Error(e.reason().code()), e);
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
        if (user.platformOperator()) {
            authorities.add(new SimpleGrantedAuthority(PLATFORM_OPERATOR));
        }
        log.info("Signed in: portal user {} (organizations in token: {})", user.id(), oidcUser.getClaims().get(SignedInUser.ORGANIZATION_CLAIM));
        return new SignedInUser(oidcUser, authorities, user.id());
    }
}
