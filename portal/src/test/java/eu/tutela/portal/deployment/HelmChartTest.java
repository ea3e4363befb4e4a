package eu.tutela.portal.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The chart in helm/tutela, linted and rendered by Helm itself. */
class HelmChartTest {

    private static final Path CHART = Path.of("..", "helm", "tutela");

    @Test
    void chartPassesHelmLintStrictly() {
        LintResult lint = new Helm(CHART).lint().strict().call();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void renderedDeploymentConnectsAsTheApplicationRoleAndMigratesAsTheOwner() {
        String manifests = new Helm(CHART).template().withName("school").set("database.appRole", "app_rls").call();
        assertThat(manifests)
                .contains("kind: Deployment", "kind: Service", "kind: Ingress")
                .contains("name: SPRING_DATASOURCE_USERNAME\n              value: \"app_rls\"")
                .contains("name: TUTELA_DB_APP_ROLE\n              value: \"app_rls\"")
                .contains("name: SPRING_FLYWAY_USER\n              value: \"tutela_owner\"")
                .contains("nginx.ingress.kubernetes.io/affinity: cookie")
                .contains("path: /actuator/health/readiness")
                .contains("name: TUTELA_KEYCLOAK_DIRECTORY_SECRET")
                .contains("key: directory-client-secret")
                // Links in mail point at the ingress's host.
                .contains("name: TUTELA_PUBLIC_URL\n              value: \"https://tutela.example.org\"")
                // The portal holds no Keycloak administrator's credentials in production.
                .doesNotContain("TUTELA_KEYCLOAK_ADMIN");
    }

    @Test
    void ingressCanBeLeftOut() {
        String manifests = new Helm(CHART).template().withName("school").set("ingress.enabled", "false").call();
        assertThat(manifests).contains("kind: Deployment").doesNotContain("kind: Ingress");
    }
}
