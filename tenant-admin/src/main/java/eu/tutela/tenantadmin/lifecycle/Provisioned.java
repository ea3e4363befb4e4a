package eu.tutela.tenantadmin.lifecycle;

import java.util.UUID;

/**
 * A tenant that exists in PostgreSQL and in Keycloak, active.
 *
 * @param resumed whether this run finished what an earlier, interrupted run had started
 */
public record Provisioned(UUID tenantId, String slug, String organizationId, String firstAdminEmail, boolean resumed) {
}
