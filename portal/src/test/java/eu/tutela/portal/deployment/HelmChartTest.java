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
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import eu.tutela.tenantadmin.keycloak.KeycloakDirectory;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
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

    @Test
    void keycloakCanComeWithTheReleaseWithTheRealmThePortalNeeds() throws Exception {
        RenderedChart chart = RenderedChart.with("keycloakx.enabled=true");
        StatefulSet keycloak = chart.one(StatefulSet.class);
        PodSpec pod = keycloak.getSpec().getTemplate().getSpec();
        Container server = pod.getContainers().getFirst();
        assertThat(keycloak.getSpec().getReplicas()).isEqualTo(2);
        assertThat(server.getImage()).isEqualTo("quay.io/keycloak/keycloak:26.7.3");
        assertThat(server.getCommand()).containsExactly("/opt/keycloak/bin/kc.sh", "start", "--import-realm");
        assertThat(server.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(server.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(chart.one(ServiceAccount.class).getAutomountServiceAccountToken()).as("no Kubernetes API token").isFalse();
        assertThat(server.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health/ready");
        assertThat(server.getResources().getLimits()).containsEntry("memory", new Quantity("2Gi"));

        Map<String, EnvVar> env = server.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
        assertThat(env.get("KC_HOSTNAME").getValue()).as("the issuer the portal expects").isEqualTo("https://id.example.org");
        assertThat(env.get("KC_HTTP_RELATIVE_PATH").getValue()).isEqualTo("/");
        assertThat(env.get("KC_DB").getValue()).isEqualTo("postgres");
        assertThat(env.get("KC_DB_PASSWORD").getValueFrom().getSecretKeyRef().getName()).isEqualTo("tutela-keycloak-database");
        // The clients' secrets: from the very Secret and keys the portal reads them from.
        EnvVar portalSecret = chart.one(Deployment.class).getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv().stream()
                .filter(e -> e.getName().equals("TUTELA_KEYCLOAK_CLIENT_SECRET")).findFirst().orElseThrow();
        assertThat(env.get("TUTELA_PORTAL_CLIENT_SECRET").getValueFrom().getSecretKeyRef())
                .isEqualTo(portalSecret.getValueFrom().getSecretKeyRef());
        assertThat(env.get("TUTELA_DIRECTORY_CLIENT_SECRET").getValueFrom().getSecretKeyRef().getKey()).isEqualTo("directory-client-secret");
        assertThat(chart.kinds()).as("no secret written by the release").doesNotContain("Secret");

        // Realm "tutela", from the ConfigMap Keycloak imports at its first start.
        ConfigMap realmFile = chart.one(ConfigMap.class);
        assertThat(server.getVolumeMounts()).filteredOn(m -> m.getMountPath().equals("/opt/keycloak/data/import"))
                .extracting(m -> pod.getVolumes().stream().filter(v -> v.getName().equals(m.getName())).findFirst().orElseThrow()
                        .getConfigMap().getName())
                .containsExactly(realmFile.getMetadata().getName());
        String json = chart.realmFile();
        JsonNode realm = new ObjectMapper().readTree(json);
        assertThat(realm.path("realm").asText()).isEqualTo("tutela");
        assertThat(realm.path("organizationsEnabled").asBoolean()).isTrue();
        JsonNode portal = realm.path("clients").get(0);
        assertThat(portal.path("clientId").asText()).isEqualTo("tutela-portal");
        assertThat(portal.path("redirectUris").get(0).asText()).isEqualTo("https://tutela.example.org/login/oauth2/code/keycloak");
        assertThat(portal.at("/attributes/backchannel.logout.url").asText())
                .isEqualTo("https://tutela.example.org/logout/connect/back-channel/keycloak");
        assertThat(realm.at("/users/0/clientRoles/realm-management")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrderElementsOf(KeycloakDirectory.DIRECTORY_ROLES);
        assertThat(realm.at("/smtpServer/host").asText()).isEqualTo("smtp.example.org");
        // Every ${VARIABLE} of the file is set on Keycloak, from a Secret.
        assertThat(placeholders(json)).containsExactly("TUTELA_DIRECTORY_CLIENT_SECRET", "TUTELA_PORTAL_CLIENT_SECRET")
                .allSatisfy(name -> assertThat(env.get(name).getValueFrom().getSecretKeyRef()).as(name).isNotNull());

        // Browsers reach the realm's pages, not the administration console.
        Ingress signIn = chart.all(Ingress.class).stream().filter(i -> !i.getMetadata().getName().startsWith("school-portal"))
                .findFirst().orElseThrow();
        assertThat(signIn.getSpec().getRules().getFirst().getHost()).isEqualTo("id.example.org");
        assertThat(signIn.getSpec().getRules().getFirst().getHttp().getPaths()).extracting(p -> p.getPath())
                .containsExactly("/realms/", "/resources/");
        assertThat(chart.all(PodDisruptionBudget.class)).hasSize(2).extracting(PodDisruptionBudget::getApiVersion).containsOnly("policy/v1");
        assertThat(env.get("KC_PROXY_HEADERS").getValue()).isEqualTo("xforwarded");
    }

    @Test
    void aBundledKeycloakThatWouldNotAgreeWithThePortalIsRefused() {
        assertThatThrownBy(() -> RenderedChart.with("keycloakx.enabled=true", "keycloak.url=https://login.example.org"))
                .hasMessageContaining("KC_HOSTNAME to keycloak.url (https://login.example.org)");
        assertThatThrownBy(() -> RenderedChart.with("keycloakx.enabled=true", "mail.existingSecret=smtp-relay"))
                .hasMessageContaining("keycloakx.extraEnv must set TUTELA_SMTP_USERNAME");
        assertThatThrownBy(() -> RenderedChart.with("keycloakx.enabled=true", "keycloak.existingSecret=portal-only"))
                .hasMessageContaining("from keycloak.existingSecret (portal-only)");
        assertThatThrownBy(() -> RenderedChart.with("keycloakx.enabled=true", "keycloakx.command={/opt/keycloak/bin/kc.sh,start}"))
                .as("without the realm import").hasMessageContaining("schema");
    }

    private static Set<String> placeholders(String text) {
        return RenderedChart.REALM_VARIABLE.matcher(text).results().map(m -> m.group(1)).collect(Collectors.toCollection(TreeSet::new));
    }
}
