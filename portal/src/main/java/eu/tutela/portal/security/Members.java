package eu.tutela.portal.security;

import eu.tutela.portal.tenancy.InvalidInputException;
import eu.tutela.portal.tenancy.Memberships;
import eu.tutela.portal.tenancy.TenantRole;
import eu.tutela.portal.tenancy.TenantSettingsService;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff of the tenant of the current work (administrators, DPOs, staff): listed, given another
 * role, removed, by its administrators. A tenant never loses its last administrator.
 */
@Service
public class Members {

    /** The roles this page manages; guardians and students come with the people registry. */
    public static final Set<TenantRole> STAFF_ROLES = EnumSet.of(TenantRole.ADMIN, TenantRole.DPO, TenantRole.STAFF);

    private final Memberships memberships;
    private final PortalUsers users;
    private final TenantSettingsService settings;

    Members(Memberships memberships, PortalUsers users, TenantSettingsService settings) {
        this.memberships = memberships;
        this.users = users;
        this.settings = settings;
    }

    @PreAuthorize("@caller.has('ADMIN')")
    @Transactional(readOnly = true)
    public List<Member> list() {
        return holdersOf(STAFF_ROLES);
    }

    /** Every member, whatever their role: whom a message to all members goes to (a new policy version). */
    @PreAuthorize("@caller.isSystemWorkOrHas('ADMIN', 'DPO')")
    @Transactional(readOnly = true)
    public List<Member> everyone() {
        return holdersOf(EnumSet.allOf(TenantRole.class));
    }

    private List<Member> holdersOf(Set<TenantRole> roles) {
        Map<UUID, Set<TenantRole>> holders = memberships.holdersOf(roles);
        List<String> offered = settings.current().languages();
        return users.findAll(holders.keySet()).stream()
                .map(u -> new Member(u.id(), u.displayName(), u.email(), holders.get(u.id()),
                        Locale.of(u.locale().filter(offered::contains).orElse(offered.getFirst()))))
                .sorted(Comparator.comparing(Member::displayName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /**
     * Gives the member exactly this staff role (their guardian or student roles stay).
     *
     * @throws InvalidInputException when it would leave the tenant without an administrator, or the person is no member
     */
    @PreAuthorize("@caller.has('ADMIN')")
    @Transactional
    public void changeRole(UUID userId, TenantRole role) {
        if (!STAFF_ROLES.contains(role)) {
            throw InvalidInputException.of("role", "members.error.role");
        }
        Set<TenantRole> held = staffRolesOf(userId);
        memberships.grant(userId, role);
        for (TenantRole other : held) {
            if (other != role) {
                memberships.revoke(userId, other);
            }
        }
    }

    /**
     * Removes every staff role of the member: their next request in this tenant is refused.
     *
     * @throws InvalidInputException when they are the last administrator
     */
    @PreAuthorize("@caller.has('ADMIN')")
    @Transactional
    public void remove(UUID userId) {
        for (TenantRole role : staffRolesOf(userId)) {
            memberships.revoke(userId, role);
        }
    }

    private Set<TenantRole> staffRolesOf(UUID userId) {
        Set<TenantRole> held = EnumSet.copyOf(STAFF_ROLES);
        held.retainAll(memberships.rolesInCurrentTenant(userId));
        if (held.isEmpty()) {
            throw InvalidInputException.of("member", "members.error.notMember");
        }
        return held;
    }
}
