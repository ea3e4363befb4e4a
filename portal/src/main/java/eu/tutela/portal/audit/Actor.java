package eu.tutela.portal.audit;

import java.util.UUID;

/** Someone who appears in a tenant's trail, for the actor filter. */
public record Actor(UUID id, String label) {
}
