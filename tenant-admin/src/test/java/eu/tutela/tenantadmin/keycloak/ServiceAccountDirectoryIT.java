package eu.tutela.tenantadmin.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import eu.tutela.tenantadmin.SharedKeycloak;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;

/**
 * What the portal holds in production: the service account of one confidential client of the product's realm. It
 * manages people and organizations, and nothing else of Keycloak.
 */
@ExtendWith(SharedKeycloak.class)
class ServiceAccountDirectoryIT {

    static final String DIRECTORY_SECRET = "it-directory-secret-1";

    private KeycloakDirectory admin;

    @BeforeEach
    void realmWithTheDirectoryClient() {
        admin = SharedKeycloak.directory();
        admin.ensureRealm(RealmSpec.tutelaOnLoopback(KeycloakDirectoryIT.SECRET).withDirectoryClient(DIRECTORY_SECRET));
    }

    @Test
    void theServiceAccountManagesPeopleAndOrganizationsOfItsRealm() {
        try (KeycloakDirectory directory = serviceAccount(DIRECTORY_SECRET)) {
            String alias = "sa-" + shortId();
            String organizationId = directory.ensureOrganization(alias, "École " + alias);
            String email = "sa-" + shortId() + "@example.org";
            String userId = directory.ensureUser(email, "Sam", "Service", "Service-account-1", "fr");
            directory.addMember(organizationId, userId);

            assertThat(directory.members(organizationId)).extracting(DirectoryUser::email).containsExactly(email);
            assertThat(directory.findUserByEmail(email)).get().extracting(DirectoryUser::id).isEqualTo(userId);
            assertThat(directory.organizationsOf(userId)).extracting(DirectoryOrganization::alias).containsExactly(alias);
            directory.logoutUser(userId);
            directory.deleteUser(userId);
            directory.deleteOrganization(organizationId);
            assertThat(directory.findOrganization(alias)).isEmpty();
        }
    }

    @Test
    void theServiceAccountCanNeitherChangeTheRealmNorReadItsClients() {
        try (KeycloakDirectory directory = serviceAccount(DIRECTORY_SECRET)) {
            assertThatThrownBy(() -> directory.ensureRealm(RealmSpec.tutelaOnLoopback("taken-over")))
                    .isInstanceOf(DirectoryException.class)
                    .satisfies(e -> assertThat(((DirectoryException) e).status()).isEqualTo(403));
            assertThatThrownBy(() -> directory.realmResource().clients().findAll())
                    .hasMessageContaining("403");
        }
        ClientRepresentation portal = admin.realmResource().clients().findByClientId(RealmSpec.DEFAULT_CLIENT_ID).getFirst();
        assertThat(admin.realmResource().clients().get(portal.getId()).getSecret().getValue()).isEqualTo(KeycloakDirectoryIT.SECRET);
    }

    @Test
    void itsServiceAccountHoldsExactlyThePeopleAndOrganizationRoles() {
        ClientRepresentation client = admin.realmResource().clients().findByClientId(RealmSpec.DIRECTORY_CLIENT_ID).getFirst();
        assertThat(client.isServiceAccountsEnabled()).isTrue();
        assertThat(client.isStandardFlowEnabled()).isFalse();
        assertThat(client.isDirectAccessGrantsEnabled()).isFalse();
        String serviceAccount = admin.realmResource().clients().get(client.getId()).getServiceAccountUser().getId();
        String realmManagement = admin.realmResource().clients().findByClientId("realm-management").getFirst().getId();
        assertThat(admin.realmResource().users().get(serviceAccount).roles().clientLevel(realmManagement).listAll())
                .extracting(RoleRepresentation::getName)
                .containsExactlyInAnyOrderElementsOf(KeycloakDirectory.DIRECTORY_ROLES);
    }

    @Test
    void aWrongSecretIsAnAnswerNotAnOutage() {
        try (KeycloakDirectory directory = serviceAccount("not-the-secret")) {
            assertThatThrownBy(() -> directory.findOrganization("anything"))
                    .isInstanceOf(DirectoryException.class)
                    .isNotInstanceOf(DirectoryUnavailableException.class)
                    .satisfies(e -> assertThat(((DirectoryException) e).status()).isEqualTo(401));
        }
    }

    private KeycloakDirectory serviceAccount(String secret) {
        return KeycloakDirectory.asServiceAccount(admin.serverUrl(), RealmSpec.DEFAULT_REALM, RealmSpec.DIRECTORY_CLIENT_ID, secret);
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
