package eu.tutela.portal.security;

import eu.tutela.tenantadmin.keycloak.DirectoryUser;
import eu.tutela.tenantadmin.keycloak.KeycloakDirectory;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The Keycloak side of an erased account: it leaves the institution's organization, and a freed account is deleted
 * unless Keycloak lists it in another organization (someone made it a member elsewhere by hand). Keycloak away leaves
 * the publication incomplete: it is delivered again until done, and every step may be repeated.
 */
@Component
class AccountErasure {

    private static final Logger log = LoggerFactory.getLogger(AccountErasure.class);

    private final IdentityProvider identity;

    AccountErasure(IdentityProvider identity) {
        this.identity = identity;
    }

    @ApplicationModuleListener
    void on(AccountErased erased) {
        KeycloakDirectory directory = identity.awaitDirectory(Duration.ofSeconds(10));
        Optional<DirectoryUser> user = directory.findUser(erased.subject());
        if (user.isEmpty()) {
            return;
        }
        directory.findOrganization(erased.tenantSlug()).ifPresent(organization -> directory.removeMember(organization.id(), user.get().id()));
        if (erased.freed() && directory.organizationsOf(user.get().id()).isEmpty()) {
            directory.deleteUser(user.get().id());
            log.info("Erased account {} deleted from Keycloak", user.get().id());
        } else {
            log.info("Erased account {} left Keycloak organization {}", user.get().id(), erased.tenantSlug());
        }
    }
}
