package eu.tutela.portal.demo;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.tutela.portal.TutelaApplication;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The demo's published password never lands on a Keycloak the project did not start itself. */
class DemoSafetyIT {

    @Test
    void aPortalPointedAtAnotherKeycloakRefusesToCreateTheDemoAccounts() {
        try (ConfigurableApplicationContext portal = new SpringApplicationBuilder(TutelaApplication.class)
                .profiles("test")
                .run("--server.port=0", "--tutela.demo.enabled=true", "--tutela.embedded.manage-realm=false",
                        "--tutela.keycloak.url=http://127.0.0.1:9/somebody-elses-keycloak")) {
            assertThatThrownBy(() -> portal.getBean(DemoTenants.class).awaitReady(Duration.ofSeconds(30)))
                    .hasMessageContaining("Demo data refused")
                    .hasMessageContaining("somebody-elses-keycloak");
        }
    }
}
