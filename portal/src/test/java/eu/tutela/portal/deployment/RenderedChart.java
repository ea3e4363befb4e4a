package eu.tutela.portal.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The chart in helm/tutela rendered by Helm itself with some values set, read back as Kubernetes' own model objects
 * (what the API server would receive), and as plain YAML for the kinds the model does not carry (a ServiceMonitor); a
 * kind the tests do not know fails them.
 */
public final class RenderedChart {

    static final Path CHART = Path.of("..", "helm", "tutela");
    static final String KUBERNETES = "1.31.0";
    /** A variable of the bundled Keycloak's realm file, which Keycloak fills from its environment at the import. */
    public static final Pattern REALM_VARIABLE = Pattern.compile("\\$\\{([A-Z_]+)}");
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "Deployment", Deployment.class,
            "Service", Service.class,
            "Ingress", Ingress.class,
            "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "PodDisruptionBudget", PodDisruptionBudget.class,
            "NetworkPolicy", NetworkPolicy.class,
            // The bundled Keycloak (keycloakx) and its realm.
            "StatefulSet", StatefulSet.class,
            "ConfigMap", ConfigMap.class,
            "ServiceAccount", ServiceAccount.class);

    final String text;
    final List<JsonNode> documents;
    final List<HasMetadata> resources;

    private RenderedChart(String text) {
        this.text = text;
        this.documents = new ArrayList<>();
        this.resources = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(text)) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc == null || doc.isEmpty() || doc.isMissingNode()) {
                    continue;
                }
                documents.add(doc);
                Class<? extends HasMetadata> type = KINDS.get(doc.path("kind").asText());
                if (type != null) {
                    resources.add(YAML.convertValue(doc, type));
                } else if (!doc.path("kind").asText().equals("ServiceMonitor")) {
                    throw new IllegalStateException("A kind the chart tests do not know: " + doc.path("kind").asText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renders with these values ({@code key=value} pairs, as {@code --set} takes them). */
    public static RenderedChart with(String... values) {
        // For a cluster of today: Helm's own default (1.20) would have the bundled chart pick APIs long removed.
        TemplateCommand template = new Helm(CHART).template().withName("school").withNamespace("tutela").withKubeVersion(KUBERNETES);
        for (String value : values) {
            int equals = value.indexOf('=');
            template = template.set(value.substring(0, equals), value.substring(equals + 1));
        }
        return new RenderedChart(template.call());
    }

    public <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public <T extends HasMetadata> T one(Class<T> type) {
        List<T> found = all(type);
        if (found.size() != 1) {
            throw new AssertionError("Expected one " + type.getSimpleName() + ", found " + found.size());
        }
        return found.getFirst();
    }

    /** The realm file the bundled Keycloak imports (templates/keycloak-realm.yaml), as rendered. */
    public String realmFile() {
        return one(ConfigMap.class).getData().get("tutela-realm.json");
    }

    Optional<JsonNode> document(String kind) {
        return documents.stream().filter(d -> d.path("kind").asText().equals(kind)).findFirst();
    }

    List<String> kinds() {
        return documents.stream().map(d -> d.path("kind").asText()).toList();
    }
}
