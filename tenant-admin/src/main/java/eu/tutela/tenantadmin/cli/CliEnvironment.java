package eu.tutela.tenantadmin.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import eu.tutela.tenantadmin.keycloak.KeycloakDirectory;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The command line reads the portal's own environment variables, so that a deployment's configuration serves both.
 */
record CliEnvironment(Map<String, String> variables) {

    static final String DATASOURCE_URL = "SPRING_DATASOURCE_URL";
    static final String DATASOURCE_USERNAME = "SPRING_DATASOURCE_USERNAME";
    static final String DATASOURCE_PASSWORD = "SPRING_DATASOURCE_PASSWORD";
    static final String KEYCLOAK_URL = "TUTELA_KEYCLOAK_URL";
    static final String KEYCLOAK_REALM = "TUTELA_KEYCLOAK_REALM";
    static final String DIRECTORY_CLIENT_ID = "TUTELA_KEYCLOAK_DIRECTORY_CLIENT_ID";
    static final String DIRECTORY_SECRET = "TUTELA_KEYCLOAK_DIRECTORY_SECRET";
    static final String OPERATOR = "TUTELA_OPERATOR";

    /** The variables that must be set; empty when all are. */
    List<String> missing() {
        List<String> missing = new ArrayList<>();
        for (String name : List.of(DATASOURCE_URL, DATASOURCE_USERNAME, DATASOURCE_PASSWORD, KEYCLOAK_URL, DIRECTORY_SECRET)) {
            if (get(name, null) == null) {
                missing.add(name);
            }
        }
        return missing;
    }

    DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(get(DATASOURCE_URL, null));
        dataSource.setUser(get(DATASOURCE_USERNAME, null));
        dataSource.setPassword(get(DATASOURCE_PASSWORD, null));
        dataSource.setConnectTimeout(10);
        dataSource.setApplicationName("tenant-admin");
        return dataSource;
    }

    KeycloakDirectory directory() {
        return KeycloakDirectory.asServiceAccount(get(KEYCLOAK_URL, null), get(KEYCLOAK_REALM, "tutela"),
                get(DIRECTORY_CLIENT_ID, "tutela-directory"), get(DIRECTORY_SECRET, null));
    }

    /** Who the platform audit names: {@code TUTELA_OPERATOR}, else the operating-system user on this host. */
    String operator() {
        String named = get(OPERATOR, null);
        if (named != null) {
            return named;
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return "cli:" + System.getProperty("user.name") + "@" + host;
    }

    private String get(String name, String fallback) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
