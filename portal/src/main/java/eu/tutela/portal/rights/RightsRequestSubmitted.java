package eu.tutela.portal.rights;

import java.util.UUID;

/** A request was received: the institution's DPO (its administrators, where it named none) is told after the commit. */
public record RightsRequestSubmitted(UUID tenantId, UUID requestId) {
}
