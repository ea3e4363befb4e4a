package eu.tutela.tenantadmin.devserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;

/**
 * How to start a {@link KeycloakDevServer}. Start from {@link #persistent()} (the demo) or {@link #ephemeral(int, int)}
 * (tests) and adjust with the {@code with...} methods.
 *
 * @param distributionHome the unpacked Keycloak server (the folder holding {@code bin/kc.sh})
 * @param httpPort         the HTTP port on 127.0.0.1 (OIDC endpoints, admin API, admin console)
 * @param managementPort   the management port on 127.0.0.1 ({@code /health/ready})
 * @param adminUsername    the bootstrap administrator of the master realm
 * @param adminPassword    its password
 * @param dataMode         persistent (H2 file) or ephemeral (H2 in memory)
 * @param dataDirectory    where the H2 file (persistent), the log, the pid file and the transaction log go; two
 *                         servers running at the same time need two different data directories
 * @param stopGracePeriod  how long {@link KeycloakDevServer#close()} waits after SIGTERM before killing
 */
public record Settings(Path distributionHome, int httpPort, int managementPort, String adminUsername,
                       String adminPassword, DataMode dataMode, Path dataDirectory, Duration stopGracePeriod) {

    /** System property that overrides the distribution home. */
    public static final String KEYCLOAK_HOME_PROPERTY = "tutela.keycloak.home";
    /** System property that overrides the Tutela home ({@code ~/.tutela}). */
    public static final String TUTELA_HOME_PROPERTY = "tutela.home";
    /** Default HTTP port of the demo Keycloak. */
    public static final int DEFAULT_HTTP_PORT = 8180;
    /** Default management port of the demo Keycloak. */
    public static final int DEFAULT_MANAGEMENT_PORT = 9180;
    public static final String DEFAULT_ADMIN_USERNAME = "admin";
    public static final String DEFAULT_ADMIN_PASSWORD = "admin";
    public static final Duration DEFAULT_STOP_GRACE_PERIOD = Duration.ofSeconds(20);

    public Settings {
        Objects.requireNonNull(distributionHome, "distributionHome");
        Objects.requireNonNull(dataMode, "dataMode");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(stopGracePeriod, "stopGracePeriod");
        checkPort("httpPort", httpPort);
        checkPort("managementPort", managementPort);
        if (httpPort == managementPort) {
            throw new IllegalArgumentException("httpPort and managementPort must differ, both are " + httpPort);
        }
        if (adminUsername == null || adminUsername.isBlank()) {
            throw new IllegalArgumentException("adminUsername must not be blank");
        }
        if (adminPassword == null || adminPassword.isEmpty()) {
            throw new IllegalArgumentException("adminPassword must not be empty");
        }
        if (stopGracePeriod.isNegative()) {
            throw new IllegalArgumentException("stopGracePeriod must not be negative");
        }
        distributionHome = distributionHome.toAbsolutePath().normalize();
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
    }

    /** The demo: ports 8180 / 9180, admin/admin, H2 file under {@code ~/.tutela/keycloak-data/dev}. */
    public static Settings persistent() {
        return new Settings(defaultDistributionHome(), DEFAULT_HTTP_PORT, DEFAULT_MANAGEMENT_PORT,
                DEFAULT_ADMIN_USERNAME, DEFAULT_ADMIN_PASSWORD, DataMode.PERSISTENT,
                tutelaHome().resolve("keycloak-data").resolve("dev"), DEFAULT_STOP_GRACE_PERIOD);
    }

    /** Tests: a clean Keycloak on the given ports, data directory under the temp directory (one per http port). */
    public static Settings ephemeral(int httpPort, int managementPort) {
        return new Settings(defaultDistributionHome(), httpPort, managementPort,
                DEFAULT_ADMIN_USERNAME, DEFAULT_ADMIN_PASSWORD, DataMode.EPHEMERAL,
                Path.of(System.getProperty("java.io.tmpdir"), "tutela-keycloak", "ephemeral-" + httpPort),
                DEFAULT_STOP_GRACE_PERIOD);
    }

    /** Tests: a clean Keycloak on two free loopback ports. */
    public static Settings ephemeralOnFreePorts() {
        int[] ports = FreePorts.find(2);
        return ephemeral(ports[0], ports[1]);
    }

    public Settings withDistributionHome(Path value) {
        return new Settings(value, httpPort, managementPort, adminUsername, adminPassword, dataMode, dataDirectory, stopGracePeriod);
    }

    public Settings withPorts(int http, int management) {
        return new Settings(distributionHome, http, management, adminUsername, adminPassword, dataMode, dataDirectory, stopGracePeriod);
    }

    public Settings withAdmin(String username, String password) {
        return new Settings(distributionHome, httpPort, managementPort, username, password, dataMode, dataDirectory, stopGracePeriod);
    }

    public Settings withDataMode(DataMode value) {
        return new Settings(distributionHome, httpPort, managementPort, adminUsername, adminPassword, value, dataDirectory, stopGracePeriod);
    }

    public Settings withDataDirectory(Path value) {
        return new Settings(distributionHome, httpPort, managementPort, adminUsername, adminPassword, dataMode, value, stopGracePeriod);
    }

    public Settings withStopGracePeriod(Duration value) {
        return new Settings(distributionHome, httpPort, managementPort, adminUsername, adminPassword, dataMode, dataDirectory, value);
    }

    /** {@code http://127.0.0.1:<httpPort>}: the server URL for the admin client and the OIDC issuer base. */
    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** {@code http://127.0.0.1:<managementPort>/health/ready}. */
    public String readinessUrl() {
        return "http://127.0.0.1:" + managementPort + "/health/ready";
    }

    /** The Keycloak server version this library was built against (the {@code keycloak.server.version} of the POM). */
    public static String keycloakServerVersion() {
        Properties properties = new Properties();
        try (InputStream in = Settings.class.getResourceAsStream("keycloak-dev-server.properties")) {
            if (in == null) {
                throw new IllegalStateException("keycloak-dev-server.properties missing from the classpath");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("keycloak.server.version");
    }

    /** {@code ~/.tutela}, or the system property {@code tutela.home}. */
    public static Path tutelaHome() {
        String override = System.getProperty(TUTELA_HOME_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return Path.of(System.getProperty("user.home"), ".tutela");
    }

    /**
     * Where the build unpacks the server: {@code ~/.tutela/keycloak-<v>/keycloak-<v>}, or the system property
     * {@code tutela.keycloak.home}.
     */
    public static Path defaultDistributionHome() {
        String override = System.getProperty(KEYCLOAK_HOME_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String version = keycloakServerVersion();
        return tutelaHome().resolve("keycloak-" + version).resolve("keycloak-" + version);
    }

    private static void checkPort(String name, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(name + " must be between 1 and 65535, was " + port);
        }
    }

    @Override
    public String toString() {
        return "Settings[distributionHome=" + distributionHome + ", httpPort=" + httpPort + ", managementPort="
                + managementPort + ", adminUsername=" + adminUsername + ", adminPassword=***, dataMode=" + dataMode
                + ", dataDirectory=" + dataDirectory + ", stopGracePeriod=" + stopGracePeriod + "]";
    }
}
