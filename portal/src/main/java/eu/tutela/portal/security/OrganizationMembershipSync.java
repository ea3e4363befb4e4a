package eu.tutela.portal.security;

import eu.tutela.portal.tenancy.MembershipEnded;
import eu.tutela.tenantadmin.keycloak.KeycloakDirectory;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps Keycloak's organization memberships in step with the portal's: a person who no longer
 * belongs to a tenant leaves its organization. A durable event: if Keycloak is away, the publication
 * stays incomplete and is delivered again until it succeeds (removing twice changes nothing).
 */
@Component
class OrganizationMembershipSync {

    private static final Logger log = LoggerFactory.getLogger(OrganizationMembershipSync.class);

    private final IdentityProvider identity;

    OrganizationMembershipSync(IdentityProvider identity) {
        this.identity = identity;
    }

    @ApplicationModuleListener
    void on(MembershipEnded ended) {
        KeycloakDirectory directory = identity.awaitDirectory(Duration.ofSeconds(10));
        directory.findOrganization(ended.tenantSlug()).ifPresent(organization -> directory.findUserByEmail(ended.email())
                .ifPresent(user -> {
                    directory.removeMember(organization.id(), user.id());
                    log.info("Account {} left Keycloak organization {}", user.id(), ended.tenantSlug());
                }));
    }
}
