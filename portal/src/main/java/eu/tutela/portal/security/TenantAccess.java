package eu.tutela.portal.security;

import eu.tutela.portal.tenancy.Memberships;
import eu.tutela.portal.tenancy.Tenant;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantDirectory;
import eu.tutela.portal.tenancy.TenantRole;
import eu.tutela.portal.tenancy.TenantMembership;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Decides whether a signed-in person may enter a tenant: the portal's database must hold a
 * membership, and the token Keycloak signed must name the tenant's organization. Either missing
 * means no entry; the person is told only that the institution is not available to them, so that
 * a URL never reveals whether another tenant exists.
 */
@Service
public class TenantAccess {

    private static final Logger log = LoggerFactory.getLogger(TenantAccess.class);

    private final TenantDirectory tenants;
    private final Memberships memberships;

    TenantAccess(TenantDirectory tenants, Memberships memberships) {
        this.tenants = tenants;
        this.memberships = memberships;
    }

    public record Granted(Tenant tenant, Set<TenantRole> roles) {
    }

    /** The memberships a person can use: those the token vouches for too. What the switcher offers. */
    public List<TenantMembership> usableMemberships(SignedInUser user) {
        Set<String> vouchedFor = user.organizationAliases();
        return memberships.of(user.portalUserId()).stream().filter(m -> vouchedFor.contains(m.tenantSlug())).toList();
    }

    public Optional<Granted> enter(SignedInUser user, String slug) {
        Optional<Tenant> tenant = tenants.findActiveBySlug(slug);
        if (tenant.isEmpty()) {
            log.warn("Tenant access refused: user {} asked for unknown or suspended tenant '{}'", user.portalUserId(), slug);
            return Optional.empty();
        }
        return enter(user, tenant.get());
    }

    /**
     * Whether the refusal is a suspension of a tenant the person belongs to: then they are told so (their
     * institution is paused, their data kept) instead of the page that reveals nothing.
     */
    public boolean isSuspendedMember(SignedInUser user, String slug) {
        return tenants.findSuspendedBySlug(slug)
                .map(tenant -> !TenantContext.callAs(tenant.id(), () -> memberships.rolesInCurrentTenant(user.portalUserId())).isEmpty())
                .orElse(false);
    }

    /** The same decision for a tenant already known to be active (see {@link TenantDirectory#findActive}). */
    Optional<Granted> enter(SignedInUser user, Tenant tenant) {
        Set<TenantRole> roles = TenantContext.callAs(tenant.id(), () -> memberships.rolesInCurrentTenant(user.portalUserId()));
        if (roles.isEmpty()) {
            log.warn("Tenant access refused: user {} has no membership in tenant '{}'", user.portalUserId(), tenant.slug());
            return Optional.empty();
        }
        if (!user.organizationAliases().contains(tenant.slug())) {
            log.warn("Tenant access refused: token of user {} does not name organization '{}' (it names {})",
                    user.portalUserId(), tenant.slug(), user.organizationAliases());
            return Optional.empty();
        }
        return Optional.of(new Granted(tenant, roles));
    }
}
