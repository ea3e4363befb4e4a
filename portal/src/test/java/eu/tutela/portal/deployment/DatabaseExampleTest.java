package eu.tutela.portal.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CloudNativePG example of docs/operations.md against what it is for: the roles the chart's defaults name (the
 * migration owner owning the database, the application role bound by row-level security), the backup role
 * ops/backup.sh asks for, and a database address the chart's schema accepts.
 */
class DatabaseExampleTest {

    private static final Path EXAMPLE = Path.of("..", "docs", "examples", "cloudnative-pg.yaml");
    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void theCloudNativePgExampleHasTheRolesTheChartAndTheBackupScriptName() throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(EXAMPLE.toFile())) {
            docs.forEachRemaining(documents::add);
        }
        JsonNode cluster = documents.stream().filter(d -> d.path("kind").asText().equals("Cluster")).findFirst().orElseThrow();
        JsonNode values = YAML.readTree(RenderedChart.CHART.resolve("values.yaml").toFile()).path("database");

        assertThat(cluster.at("/spec/bootstrap/initdb/owner").asText()).as("the database's owner runs the migrations")
                .isEqualTo(values.path("ownerUser").asText());
        JsonNode app = role(cluster, values.path("appRole").asText());
        assertThat(app.path("login").asBoolean()).isTrue();
        assertThat(List.of("superuser", "createdb", "createrole", "bypassrls")).as("the application role's powers")
                .allSatisfy(power -> assertThat(app.path(power).asBoolean(true)).as(power).isFalse());

        JsonNode backup = role(cluster, "tutela_backup");
        assertThat(backup.path("bypassrls").asBoolean()).isTrue();
        assertThat(backup.path("superuser").asBoolean(true)).isFalse();
        assertThat(backup.path("inRoles").toString()).contains("pg_read_all_data");
        assertThat(Files.readString(Path.of("..", "ops", "backup.sh"))).contains("tutela_backup", "bypassrls", "pg_read_all_data");

        assertThat(documents).as("the nightly backup is of this cluster").anySatisfy(d -> {
            assertThat(d.path("kind").asText()).isEqualTo("ScheduledBackup");
            assertThat(d.at("/spec/cluster/name").asText()).isEqualTo(cluster.at("/metadata/name").asText());
        });
        String url = "jdbc:postgresql://" + cluster.at("/metadata/name").asText() + "-rw.tutela.svc:5432/"
                + cluster.at("/spec/bootstrap/initdb/database").asText();
        assertThat(Files.readString(EXAMPLE)).as("the address the example gives the chart").contains("database.url=" + url);
        assertThat(RenderedChart.with("database.url=" + url).text).contains(url);
    }

    private static JsonNode role(JsonNode cluster, String name) {
        for (JsonNode role : cluster.at("/spec/managed/roles")) {
            if (role.path("name").asText().equals(name)) {
                return role;
            }
        }
        throw new AssertionError("no managed role " + name + " in " + EXAMPLE);
    }
}
