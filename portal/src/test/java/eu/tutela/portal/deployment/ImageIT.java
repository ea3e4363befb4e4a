package eu.tutela.portal.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The production image as the build wrote it (target/portal-image.tar, Jib on the offline base of src/image): what it
 * is made of, read from its layers. {@link ReplicasIT} runs it.
 */
class ImageIT {

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

        String release = Files.readString(image.unpack(PortalImage.ROOT).resolve("opt/java/release"));
        assertThat(release).as("the runtime's modules").contains("java.sql", "jdk.localedata", "jdk.charsets")
                .doesNotContain("jdk.compiler", "jdk.jdwp.agent", "jdk.jshell");
    }
}
