package eu.tutela.tenantadmin.devserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void persistentDefaultsAreTheDemoOnes() {
        Settings s = Settings.persistent();
        assertThat(s.httpPort()).isEqualTo(8180);
        assertThat(s.managementPort()).isEqualTo(9180);
        assertThat(s.dataMode()).isEqualTo(DataMode.PERSISTENT);
        assertThat(s.baseUrl()).isEqualTo("http://127.0.0.1:8180");
        assertThat(s.readinessUrl()).isEqualTo("http://127.0.0.1:9180/health/ready");
        assertThat(s.dataDirectory()).endsWithRaw(Path.of("keycloak-data", "dev"));
    }

    @Test
    void versionComesFromThePom() throws IOException {
        assertThat(Settings.keycloakServerVersion()).matches("\\d+\\.\\d+\\.\\d+").isEqualTo(versionInTheParentPom());
    }

    /** What the build says, read where the build reads it: a version bump there needs no change here. */
    static String versionInTheParentPom() throws IOException {
        Matcher version = Pattern.compile("<keycloak\\.server\\.version>([^<]+)</keycloak\\.server\\.version>")
                .matcher(Files.readString(Path.of("..", "pom.xml")));
        assertThat(version.find()).as("keycloak.server.version in ../pom.xml").isTrue();
        return version.group(1);
    }

    @Test
    void distributionHomeFollowsTheSystemProperty() throws IOException {
        String version = versionInTheParentPom();
        String before = System.getProperty(Settings.KEYCLOAK_HOME_PROPERTY);
        try {
            System.setProperty(Settings.KEYCLOAK_HOME_PROPERTY, "/opt/kc");
            assertThat(Settings.defaultDistributionHome()).isEqualTo(Path.of("/opt/kc"));
            System.clearProperty(Settings.KEYCLOAK_HOME_PROPERTY);
            assertThat(Settings.defaultDistributionHome().toString())
                    .endsWith(Path.of(".tutela", "keycloak-" + version, "keycloak-" + version).toString());
        } finally {
            if (before == null) {
                System.clearProperty(Settings.KEYCLOAK_HOME_PROPERTY);
            } else {
                System.setProperty(Settings.KEYCLOAK_HOME_PROPERTY, before);
            }
        }
    }

    @Test
    void ephemeralSettingsOfTwoPortsDoNotShareData() {
        Settings a = Settings.ephemeral(18080, 19080);
        Settings b = Settings.ephemeral(18081, 19081);
        assertThat(a.dataMode()).isEqualTo(DataMode.EPHEMERAL);
        assertThat(a.dataDirectory()).isNotEqualTo(b.dataDirectory()).isNotEqualTo(Settings.persistent().dataDirectory());
    }

    @Test
    void rejectsBadValues() {
        Settings s = Settings.persistent();
        assertThatThrownBy(() -> s.withPorts(8180, 8180)).hasMessageContaining("must differ");
        assertThatThrownBy(() -> s.withPorts(0, 9180)).hasMessageContaining("httpPort");
        assertThatThrownBy(() -> s.withPorts(8180, 70000)).hasMessageContaining("managementPort");
        assertThatThrownBy(() -> s.withAdmin(" ", "x")).hasMessageContaining("adminUsername");
        assertThatThrownBy(() -> s.withAdmin("admin", "")).hasMessageContaining("adminPassword");
        assertThatThrownBy(() -> s.withStopGracePeriod(Duration.ofSeconds(-1))).hasMessageContaining("stopGracePeriod");
    }

    @Test
    void toStringHidesThePassword() {
        assertThat(Settings.persistent().withAdmin("root", "s3cret").toString()).doesNotContain("s3cret").contains("root");
    }

    @Test
    void persistentUsesAnH2FileInTheDataDirectoryAndEphemeralAFreshInMemoryDatabase() {
        Settings persistent = Settings.persistent().withDataDirectory(Path.of("/tmp/kc-a"));
        assertThat(KeycloakDevServer.jdbcUrl(persistent)).isEqualTo("jdbc:h2:file:/tmp/kc-a/h2/keycloakdb;NON_KEYWORDS=VALUE");
        Settings ephemeral = Settings.ephemeral(18080, 19080);
        String first = KeycloakDevServer.jdbcUrl(ephemeral);
        assertThat(first).startsWith("jdbc:h2:mem:keycloak-").contains("DB_CLOSE_DELAY=-1");
        assertThat(KeycloakDevServer.jdbcUrl(ephemeral)).isNotEqualTo(first);
    }

    @Test
    void argumentsBindLoopbackWithHealthAndTheGivenPorts() {
        Settings s = Settings.ephemeral(18080, 19080);
        assertThat(KeycloakDevServer.arguments(s))
                .startsWith("start-dev")
                .contains("--http-host=127.0.0.1", "--http-port=18080", "--http-management-port=19080",
                        "--health-enabled=true")
                .noneMatch(a -> a.startsWith("--db=")); // a build-time option: changing it would re-augment
    }
}
