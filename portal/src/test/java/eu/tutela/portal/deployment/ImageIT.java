package eu.tutela.portal.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The production image as the build wrote it (target/portal-image.tar, Jib on the offline base of src/image): what it
 * is made of, read from its layers, and the portal started from it, as the chart starts it, against this test JVM's
 * PostgreSQL, Keycloak and SMTP server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ImageIT {

    static final Path ROOT = Path.of("target", "image-root");

    @Autowired
    Environment env;

    @Test
    void theImageRunsThePortalAsAnUnprivilegedUserWithTheHeapFromTheContainersLimit() throws Exception {
        PortalImage image = PortalImage.read();

        assertThat(image.user()).as("the user it runs as").isEqualTo("10001:10001");
        assertThat(image.entrypoint()).containsSubsequence("java", "-XX:MaxRAMPercentage=70")
                .endsWith("eu.tutela.portal.TutelaApplication");
        assertThat(image.environment()).containsEntry("SPRING_PROFILES_ACTIVE", "production").containsEntry("JAVA_HOME", "/opt/java");
        assertThat(image.config.path("config").path("ExposedPorts").fieldNames()).toIterable().containsExactlyInAnyOrder("8080/tcp", "8081/tcp");
        assertThat(image.config.path("config").path("Labels").path("eu.tutela.base.debian").asText())
                .as("the base image's pinned packages, as the build recorded them").contains("libc6=");

        JsonNode values = new YAMLMapper().readTree(RenderedChart.CHART.resolve("values.yaml").toFile());
        assertThat(image.repoTags).as("the image the chart deploys by default is the one the build made")
                .containsExactly(values.path("image").path("repository").asText() + ":" + values.path("image").path("tag").asText());
    }

    @Test
    void theImageHoldsTheRuntimeAndTheApplicationAndNoToolToChangeThem() throws Exception {
        PortalImage image = PortalImage.read();
        List<String> paths = image.paths.stream().map(p -> p.startsWith("./") ? p.substring(2) : p).toList();

        assertThat(paths).as("the application").contains("app/classes/eu/tutela/portal/TutelaApplication.class",
                "app/resources/db/migration/V1__tenancy.sql", "app/jib-classpath-file", "opt/java/bin/java");
        assertThat(paths).as("development tooling in the image").noneMatch(DevelopmentTooling::isDevelopmentTooling);
        assertThat(paths).as("vaadin's development mode").noneMatch(p -> p.matches("app/libs/(vaadin-dev|copilot|flow-build-tools).*"));
        assertThat(paths).as("a shell, a package manager or a compiler").noneMatch(p ->
                p.matches("(usr/)?s?bin/(sh|bash|dash|apt.*|dpkg.*)") || p.matches("opt/java/bin/(javac|jshell|jdb|jar|jlink)"));

        String release = Files.readString(image.unpack(ROOT).resolve("opt/java/release"));
        assertThat(release).as("the runtime's modules").contains("java.sql", "jdk.localedata", "jdk.charsets")
                .doesNotContain("jdk.compiler", "jdk.jdwp.agent", "jdk.jshell");
    }

    @Test
    void thePortalStartsFromTheImageAndAnswersTheChartsProbes() throws Exception {
        PortalImage image = PortalImage.read();
        Path root = image.unpack(ROOT);
        try (PortalProcess portal = PortalProcess.start(image, root, PortalProcess.chartEnvironment(env, Map.of()))) {
            portal.awaitReady();

            assertThat(portal.userId()).as("the portal's process, as the kernel sees it").isEqualTo("10001");
            assertThat(portal.management("/actuator/health/liveness")).hasValueSatisfying(r -> assertThat(r.statusCode()).isEqualTo(200));
            assertThat(portal.management("/actuator/prometheus").map(HttpResponse::body).orElseThrow()).contains("tutela_outbox_backlog_messages");
            assertThat(portal.portal("/actuator/prometheus").map(HttpResponse::body).orElseThrow())
                    .as("metrics on the port the ingress routes to").doesNotContain("tutela_outbox_backlog");
            assertThat(portal.portal("/").map(r -> r.headers().firstValue("Location").orElse("")).orElseThrow())
                    .as("a visitor is sent to sign in").endsWith("/login");

            String firstLine = portal.output().lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow();
            assertThat(new ObjectMapper().readTree(firstLine).has("@timestamp"))
                    .as("JSON log lines for the cluster's collector: " + firstLine).isTrue();

            assertThat(portal.stop(Duration.ofSeconds(60))).as("stopped by SIGTERM within the grace period").isPresent();
            assertThat(portal.output()).containsIgnoringCase("graceful shutdown");
        }
    }
}
