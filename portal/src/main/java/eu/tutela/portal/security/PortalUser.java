package eu.tutela.portal.security;

import java.util.Optional;
import java.util.UUID;

/** A person as the portal knows them: one identity, whatever the number of tenants. */
public record PortalUser(UUID id, String email, String displayName, Optional<String> locale, boolean platformOperator) {
}
