package eu.tutela.portal.security;

import eu.tutela.portal.tenancy.Tenant;
import eu.tutela.portal.tenancy.TenantRole;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

/**
 * Who is asking, as every module may ask it: which tenant, which person, which roles there. Read
 * fresh for each call (see {@link Caller}), so that a revoked membership or a suspended tenant is
 * refused at the next request.
 */
public record CurrentMembership(Tenant tenant, UUID personId, Set<TenantRole> roles) {

    public CurrentMembership {
        roles = Set.copyOf(roles);
    }

    public boolean hasAny(TenantRole... anyOf) {
        return Arrays.stream(anyOf).anyMatch(roles::contains);
    }
}
