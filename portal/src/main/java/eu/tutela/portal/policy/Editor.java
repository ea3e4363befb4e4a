package eu.tutela.portal.policy;

import eu.tutela.portal.security.Caller;
import eu.tutela.portal.security.CurrentMembership;
import eu.tutela.portal.security.PortalUser;
import eu.tutela.portal.security.PortalUsers;
import eu.tutela.portal.tenancy.TenantRole;
import java.util.UUID;

/** The administrator or DPO saving or publishing, with the name the history shows. */
record Editor(UUID id, String name) {

    static Editor of(Caller caller, PortalUsers users) {
        CurrentMembership member = caller.require(TenantRole.ADMIN, TenantRole.DPO);
        return new Editor(member.personId(),
                users.find(member.personId()).map(PortalUser::displayName).orElse(member.personId().toString()));
    }
}
