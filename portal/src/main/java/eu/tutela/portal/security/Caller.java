package eu.tutela.portal.security;

import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantDirectory;
import eu.tutela.portal.tenancy.TenantRole;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The one public way to ask "which tenant, which person, which roles" and to refuse. Services call
 * {@link #require} (or name it in method security: {@code @PreAuthorize("@caller.has('ADMIN')")});
 * every answer is read from the database at the time of the call: the tenant still active, the
 * membership still there, the token still naming the tenant's organization.
 */
@Service("caller")
public class Caller {

    private static final Logger log = LoggerFactory.getLogger(Caller.class);

    private final CurrentUser currentUser;
    private final TenantDirectory tenants;
    private final TenantAccess access;

    Caller(CurrentUser currentUser, TenantDirectory tenants, TenantAccess access) {
        this.currentUser = currentUser;
        this.tenants = tenants;
        this.access = access;
    }

    /** The signed-in person's membership in the tenant of the current work; empty when there is none (any longer). */
    public Optional<CurrentMembership> membership() {
        return currentUser.signedIn().flatMap(user -> TenantContext.current().flatMap(tenants::findActive)
                .flatMap(tenant -> access.enter(user, tenant))
                .map(granted -> new CurrentMembership(granted.tenant(), user.portalUserId(), granted.roles())));
    }

    /**
     * The caller's membership, if it holds one of these roles (any role when none is named).
     *
     * @throws AccessDeniedException otherwise: not signed in, no tenant, membership revoked, tenant suspended
     */
    public CurrentMembership require(TenantRole... anyOf) {
        Optional<CurrentMembership> membership = membership();
        if (membership.isEmpty() || (anyOf.length > 0 && !membership.get().hasAny(anyOf))) {
            log.warn("Refused: caller {} in tenant {} needs one of {} and holds {}",
                    currentUser.signedIn().map(SignedInUser::portalUserId).orElse(null), TenantContext.current().orElse(null),
                    Arrays.toString(anyOf), membership.map(CurrentMembership::roles).orElse(Set.of()));
            throw new AccessDeniedException("Not available");
        }
        return membership.get();
    }

    /** For method security expressions: {@code @caller.has('ADMIN', 'DPO')}. */
    public boolean has(String... anyOf) {
        return membership().map(m -> m.hasAny(Arrays.stream(anyOf).map(TenantRole::valueOf).toArray(TenantRole[]::new)))
                .orElse(false);
    }

    /**
     * For method security on what the platform's own work also does (start-up, background jobs):
     * true for work that no person asks for (no authentication on the thread at all), otherwise
     * {@link #has}. A request always carries an authentication, anonymous or signed in.
     */
    public boolean isSystemWorkOrHas(String... anyOf) {
        return isSystemWork() || has(anyOf);
    }

    /** As {@link #isSystemWorkOrHas}, for any member of the tenant, whatever their role. */
    public boolean isSystemWorkOrMember() {
        return isSystemWork() || membership().isPresent();
    }

    /** As {@link #isSystemWorkOrHas}, for the platform operator. */
    public boolean isSystemWorkOrPlatformOperator() {
        return isSystemWork() || isPlatformOperator();
    }

    private static boolean isSystemWork() {
        return SecurityContextHolder.getContext().getAuthentication() == null;
    }

    /** Whether the signed-in person is a platform operator now (read from the database, not the sign-in). */
    public boolean isPlatformOperator() {
        return currentUser.portalUser().map(PortalUser::platformOperator).orElse(false);
    }
}
