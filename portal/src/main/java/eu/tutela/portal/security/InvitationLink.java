package eu.tutela.portal.security;

import eu.tutela.portal.tenancy.TenantRole;
import java.time.Instant;
import java.time.ZoneId;

/**
 * What a followed invitation link leads to, shown to whoever holds the link before they sign in:
 * the institution and role when it can still be used, otherwise only why not.
 */
public record InvitationLink(State state, String tenantSlug, String tenantName, String email, TenantRole role, Instant expiresAt,
        ZoneId timeZone) {

    public enum State {
        /** Can be accepted by the person it was sent to. */
        VALID,
        EXPIRED,
        /** Already accepted (links are single-use). */
        USED,
        REVOKED,
        /** No such link (mistyped, forged, or its invitation was sent again with a new link). */
        UNKNOWN,
        /** Its institution is suspended: the link works again once it is reactivated (and until it expires). */
        UNAVAILABLE
    }

    static InvitationLink unusable(State state) {
        return new InvitationLink(state, null, null, null, null, null, null);
    }
}
