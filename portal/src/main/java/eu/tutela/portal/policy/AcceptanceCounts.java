package eu.tutela.portal.policy;

import eu.tutela.portal.tenancy.TenantRole;

/** For one role: how many members accepted a version (or a later one), declined it, or have not decided yet. */
public record AcceptanceCounts(TenantRole role, int accepted, int declined, int pending) {

    public int total() {
        return accepted + declined + pending;
    }
}
