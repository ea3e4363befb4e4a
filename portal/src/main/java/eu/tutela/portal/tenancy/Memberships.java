package eu.tutela.portal.tenancy;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who belongs to which tenant, with which roles. Every grant and withdrawal is recorded in the audit
 * trail, and a tenant always keeps at least one administrator.
 */
@Service
public class Memberships {

    private final MembershipRepository memberships;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Memberships(MembershipRepository memberships, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.memberships = memberships;
        this.jdbc = jdbc;
        this.events = events;
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

    /** Everyone holding one of {@code roles} in the tenant of the current work, with all their roles there. */
    @PreAuthorize("@caller.isSystemWorkOrHas('ADMIN', 'DPO')")
    @Transactional(readOnly = true)
    public Map<UUID, Set<TenantRole>> holdersOf(Set<TenantRole> roles) {
        Map<UUID, Set<TenantRole>> holders = new LinkedHashMap<>();
        jdbc.sql("select user_id, role from membership where user_id in (select user_id from membership where role = any(?)) order by created_at")
                .param(roles.stream().map(Enum::name).toArray(String[]::new))
                .query(rs -> {
                    holders.computeIfAbsent(rs.getObject("user_id", UUID.class), id -> EnumSet.noneOf(TenantRole.class))
                            .add(TenantRole.valueOf(rs.getString("role")));
                });
        return holders;
    }

    /**
     * Grants a role in the tenant selected by {@link TenantContext}; granting it twice, even from two
     * replicas at once, changes nothing.
     */
    @PreAuthorize("@caller.isSystemWorkOrHas('ADMIN')")
    @Transactional
    public void grant(UUID userId, TenantRole role) {
        int added = jdbc.sql("insert into membership (tenant_id, id, user_id, role) values (current_tenant_id(), ?, ?, ?) on conflict do nothing")
                .params(UUID.randomUUID(), userId, role.name())
                .update();
        if (added > 0) {
            events.publishEvent(AuditedChange.of("membership.granted", "person", userId, emailOf(userId), Map.of(), Map.of("role", role.name())));
        }
    }

    /**
     * Withdraws a role in the tenant selected by {@link TenantContext}; effective at the person's next
     * request. When it was their last role there, {@link MembershipEnded} follows.
     *
     * @throws InvalidInputException on field {@code role} when it would leave the tenant without an administrator
     */
    @PreAuthorize("@caller.isSystemWorkOrHas('ADMIN')")
    @Transactional
    public void revoke(UUID userId, TenantRole role) {
        if (role == TenantRole.ADMIN) {
            // Locks the administrators' rows: two administrators demoting each other at once cannot both succeed.
            long admins = jdbc.sql("select user_id from membership where role = 'ADMIN' for update").query(UUID.class).list()
                    .stream().filter(id -> !id.equals(userId)).count();
            if (admins == 0) {
                throw InvalidInputException.of("role", "members.error.lastAdmin");
            }
        }
        String email = emailOf(userId);
        int removed = jdbc.sql("delete from membership where user_id = ? and role = ?").params(userId, role.name()).update();
        if (removed == 0) {
            return;
        }
        events.publishEvent(AuditedChange.of("membership.revoked", "person", userId, email, Map.of("role", role.name()), Map.of()));
        boolean stillMember = jdbc.sql("select count(*) from membership where user_id = ?").param(userId).query(Long.class).single() > 0;
        if (!stillMember) {
            String slug = jdbc.sql("select slug from tenant where id = current_tenant_id()").query(String.class).single();
            events.publishEvent(new MembershipEnded(TenantContext.current().orElseThrow(), slug, userId, email));
        }
    }

    /** The person's e-mail, while the transaction can still see it (a member of the bound tenant). */
    private String emailOf(UUID userId) {
        return jdbc.sql("select email from app_user where id = ?").param(userId).query(String.class).optional().orElse(null);
    }
}
