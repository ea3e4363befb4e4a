package eu.tutela.portal.rights;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a request stands, from its receipt to its close. The clock runs from receipt whatever the state: waiting for
 * the requester or for proof of identity does not stop it (the product does not presume a suspension the law does not
 * state), so the DPO asks early.
 */
public enum RequestStatus {
    RECEIVED, IDENTITY_TO_VERIFY, IN_PROGRESS, WAITING_FOR_REQUESTER, EXTENDED, COMPLETED, REFUSED, WITHDRAWN;

    private static final Set<RequestStatus> CLOSED = EnumSet.of(COMPLETED, REFUSED, WITHDRAWN);

    public boolean closed() {
        return CLOSED.contains(this);
    }
}
