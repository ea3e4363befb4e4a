package eu.tutela.tenantadmin.keycloak;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.tutela.tenantadmin.devserver.FreePorts;
import org.junit.jupiter.api.Test;

class KeycloakDirectoryUnavailableTest {

    @Test
    void anUnreachableKeycloakIsReportedWithItsUrl() {
        String url = "http://127.0.0.1:" + FreePorts.findOne();
        try (KeycloakDirectory directory = new KeycloakDirectory(url, "admin", "admin")) {
            assertThatThrownBy(() -> directory.ensureOrganization("lycee", "Lycée"))
                    .isInstanceOf(DirectoryUnavailableException.class)
                    .hasMessageContaining(url)
                    .hasMessageContaining("ensure organization lycee");
            assertThatThrownBy(directory::ping).isInstanceOf(DirectoryUnavailableException.class);
        }
    }

    @Test
    void refusesASpecForAnotherRealm() {
        try (KeycloakDirectory directory = new KeycloakDirectory("http://127.0.0.1:1", "admin", "admin", "other")) {
            assertThatThrownBy(() -> directory.ensureRealm(RealmSpec.tutelaOnLoopback("s")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("other");
        }
    }
}
