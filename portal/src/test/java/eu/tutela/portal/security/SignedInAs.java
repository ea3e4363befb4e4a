package eu.tutela.portal.security;

import eu.tutela.portal.tenancy.Tenant;
import eu.tutela.portal.tenancy.TenantContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * Puts a signed-in person on the current thread as the OIDC login would, for tests that call services
 * directly: the token names the organizations given, the portal's database decides the rest.
 */
public final class SignedInAs {

    private SignedInAs() {
    }

    public static void person(UUID portalUserId, String... organizations) {
        withSubject("subject-" + portalUserId, portalUserId, organizations);
    }

    /** As {@link #person}, with the Keycloak user id as the token's subject (for what reaches Keycloak). */
    public static void withSubject(String subject, UUID portalUserId, String... organizations) {
        OidcIdToken token = OidcIdToken.withTokenValue("token").subject(subject)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300))
                .claim(SignedInUser.ORGANIZATION_CLAIM, List.of(organizations)).build();
        var authorities = List.of(new SimpleGrantedAuthority("ROLE_USER"));
        SignedInUser user = new SignedInUser(new DefaultOidcUser(authorities, token), authorities, portalUserId);
        // A context of its own: the one on the thread may be shared (inherited by a thread this one started, captured
        // by a task it submitted), and setting the authentication on it would sign them in as this person too.
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
        SecurityContextHolder.setContext(context);
    }

    public static void nobody() {
        SecurityContextHolder.clearContext();
    }

    /** Runs {@code work} as this person, signed in to {@code tenant} and working in it; signed out afterwards. */
    public static <T> T inTenant(UUID portalUserId, Tenant tenant, Supplier<T> work) {
        person(portalUserId, tenant.slug());
        try {
            return TenantContext.callAs(tenant.id(), work);
        } finally {
            nobody();
        }
    }
}
