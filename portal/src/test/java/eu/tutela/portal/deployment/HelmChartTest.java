package eu.tutela.portal.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The chart in helm/tutela, linted and rendered by Helm itself and read back as Kubernetes' model objects: what an SRE
 * would check before deploying it (probes, spreading, security contexts, resources, secrets only by reference), and
 * the schema refusing values that would deploy something broken.
 */
class HelmChartTest {

    @Test
    void chartPassesHelmLintStrictly() {
        LintResult lint = new Helm(RenderedChart.CHART).lint().strict().call();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void theDefaultReleaseIsWhatAnSreWouldDeploy() {
        RenderedChart chart = RenderedChart.with("database.appRole=app_rls");
        assertThat(chart.kinds()).containsExactlyInAnyOrder("NetworkPolicy", "PodDisruptionBudget", "Service", "Deployment", "Ingress");

        Deployment deployment = chart.one(Deployment.class);
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getTerminationGracePeriodSeconds()).isEqualTo(60L);
        assertThat(pod.getAffinity().getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution())
                .extracting(term -> term.getPodAffinityTerm().getTopologyKey()).containsExactly("kubernetes.io/hostname");
        assertThat(pod.getTopologySpreadConstraints()).extracting(c -> c.getTopologyKey()).containsExactly("topology.kubernetes.io/zone");

        Container portal = pod.getContainers().getFirst();
        assertThat(portal.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(portal.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(portal.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(portal.getVolumeMounts()).extracting(m -> m.getMountPath()).containsExactly("/tmp");
        assertThat(pod.getVolumes()).extracting(v -> v.getEmptyDir() != null).containsExactly(true);
        assertThat(portal.getStartupProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
        assertThat(List.of(portal.getStartupProbe(), portal.getReadinessProbe(), portal.getLivenessProbe()))
                .as("probes on the management port, which the ingress never routes").allSatisfy(p ->
                        assertThat(p.getHttpGet().getPort().getStrVal()).isEqualTo("management"));
        assertThat(portal.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
        assertThat(portal.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
        assertThat(portal.getLifecycle().getPreStop().getSleep().getSeconds()).isEqualTo(10L);
        assertThat(portal.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(portal.getResources().getLimits()).containsEntry("memory", new Quantity("2Gi"));

        Map<String, EnvVar> env = portal.getEnv().stream().collect(java.util.stream.Collectors.toMap(EnvVar::getName, e -> e));
        assertThat(env.get("SPRING_PROFILES_ACTIVE").getValue()).isEqualTo("production");
        assertThat(env.get("SPRING_DATASOURCE_USERNAME").getValue()).isEqualTo("app_rls");
        assertThat(env.get("TUTELA_DB_APP_ROLE").getValue()).isEqualTo("app_rls");
        assertThat(env.get("SPRING_FLYWAY_USER").getValue()).isEqualTo("tutela_owner");
        assertThat(env.get("TUTELA_PUBLIC_URL").getValue()).isEqualTo("https://tutela.example.org");
        assertThat(env.get("JAVA_TOOL_OPTIONS").getValue()).contains("MaxRAMPercentage");
        // Secrets only by reference: every password and secret comes from a Secret, none is in the manifests.
        assertThat(env.values()).filteredOn(e -> e.getName().matches(".*(PASSWORD|SECRET).*")).isNotEmpty()
                .allSatisfy(e -> {
                    assertThat(e.getValue()).as(e.getName()).isNull();
                    assertThat(e.getValueFrom().getSecretKeyRef()).as(e.getName()).isNotNull();
                });
        assertThat(env).doesNotContainKey("TUTELA_KEYCLOAK_ADMIN");
        assertThat(chart.kinds()).doesNotContain("Secret");

        assertThat(chart.text).contains("nginx.ingress.kubernetes.io/affinity: cookie");
        assertThat(chart.one(PodDisruptionBudget.class).getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
        NetworkPolicy network = chart.one(NetworkPolicy.class);
        assertThat(network.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
        assertThat(network.getSpec().getIngress().getFirst().getFrom())
                .extracting(f -> f.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"))
                .containsExactly("ingress-nginx");
        assertThat(network.getSpec().getIngress()).extracting(rule -> rule.getPorts().getFirst().getPort().getStrVal())
                .containsExactly("http", "management");
        assertThat(chart.one(Ingress.class).getSpec().getRules().getFirst().getHttp().getPaths())
                .extracting(path -> path.getBackend().getService().getPort().getName()).containsExactly("http");
        assertThat(network.getSpec().getEgress()).flatExtracting(e -> e.getPorts()).extracting(p -> p.getPort().getIntVal())
                .contains(53, 5432, 443, 587);
    }

    @Test
    void theAutoscalerTakesTheReplicasAndTheOptionalPartsGoWhenAsked() {
        RenderedChart chart = RenderedChart.with("autoscaling.enabled=true", "autoscaling.maxReplicas=8", "serviceMonitor.enabled=true",
                "ingress.enabled=false", "networkPolicy.enabled=false", "mail.existingSecret=smtp-relay");
        assertThat(chart.one(Deployment.class).getSpec().getReplicas()).as("left to the autoscaler").isNull();
        HorizontalPodAutoscaler hpa = chart.one(HorizontalPodAutoscaler.class);
        assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2);
        assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(8);
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(chart.one(Deployment.class).getMetadata().getName());
        JsonNode monitor = chart.document("ServiceMonitor").orElseThrow();
        assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/actuator/prometheus");
        assertThat(monitor.at("/spec/endpoints/0/port").asText()).isEqualTo("management");
        assertThat(chart.kinds()).doesNotContain("Ingress", "NetworkPolicy");
        List<EnvVar> env = chart.one(Deployment.class).getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv();
        assertThat(env).filteredOn(e -> e.getName().equals("SPRING_MAIL_PASSWORD"))
                .extracting(e -> e.getValueFrom().getSecretKeyRef().getName()).containsExactly("smtp-relay");
    }

    @Test
    void theSchemaRefusesValuesThatWouldDeploySomethingBroken() {
        for (String bad : List.of("replicaCount=0", "image.tag=latest", "database.password=hunter2", "keycloak.url=http://id.example.org",
                "ingress.host=Not A Host", "database.url=postgres://db/tutela", "mail.port=70000", "resources.limits.memory=lots",
                "networkPolicy.egress[0].cidr=everywhere")) {
            assertThatThrownBy(() -> RenderedChart.with(bad)).as(bad).hasMessageContaining("schema");
        }
    }
}
