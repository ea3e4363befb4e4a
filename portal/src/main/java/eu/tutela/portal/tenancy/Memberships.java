package eu.tutela.portal.tenancy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who belongs to which tenant, with which roles. */
@Service
public class Memberships {

    private final MembershipRepository memberships;
    private final JdbcClient jdbc;

    Memberships(MembershipRepository memberships, JdbcClient jdbc) {
        this.memberships = memberships;
        this.jdbc = jdbc;
    }

    /**
     * Every membership of one user, across tenants: what the tenant switcher offers. The database
     * answers only for the person the current request acts for ({@link ActingPerson}).
     */
    @Transactional(readOnly = true)
    public List<TenantMembership> of(UUID userId) {
        return jdbc.sql("select tenant_id, slug, tenant_name, role from memberships_of(?)")
                .param(userId)
                .query((rs, row) -> new TenantMembership(rs.getObject("tenant_id", UUID.class), rs.getString("slug"),
                        rs.getString("tenant_name"), TenantRole.valueOf(rs.getString("role"))))
                .list();
    }

    /** The user's roles in the tenant selected by {@link TenantContext}; empty when not a member. */
    @Transactional(readOnly = true)
    public Set<TenantRole> rolesInCurrentTenant(UUID userId) {
        Set<TenantRole> roles = EnumSet.noneOf(TenantRole.class);
        memberships.findByUserId(userId).forEach(m -> roles.add(m.role()));
        return roles;
    }

    /**
     * Grants a role in the tenant selected by {@link TenantContext}; granting it twice, even from two
     * replicas at once, changes nothing.
     */
    @PreAuthorize("@caller.isSystemWorkOrHas('ADMIN')")
    @Transactional
    public void grant(UUID userId, TenantRole role) {
        jdbc.sql("insert into membership (tenant_id, id, user_id, role) values (current_tenant_id(), ?, ?, ?) on conflict do nothing")
                .params(UUID.randomUUID(), userId, role.name())
                .update();
    }

    /** Withdraws a role in the tenant selected by {@link TenantContext}; effective at the person's next request. */
    @PreAuthorize("@caller.isSystemWorkOrHas('ADMIN')")
    @Transactional
    public void revoke(UUID userId, TenantRole role) {
        jdbc.sql("delete from membership where user_id = ? and role = ?").params(userId, role.name()).update();
    }
}
