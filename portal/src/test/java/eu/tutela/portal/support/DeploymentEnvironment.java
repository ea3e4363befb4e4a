package eu.tutela.portal.support;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.env.Environment;

/**
 * The environment variables a deployment gives the portal (helm/tutela/templates/deployment.yaml), pointing at this
 * test JVM's PostgreSQL, Keycloak and SMTP server: for the portal's processes and command lines that tests start.
 */
public final class DeploymentEnvironment {

    private DeploymentEnvironment() {
    }

    /** The chart's variables for this JVM's services, then {@code extra}. */
    public static Map<String, String> of(Environment test, Map<String, String> extra) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPRING_DATASOURCE_URL", test.getRequiredProperty("spring.datasource.url"));
        env.put("SPRING_DATASOURCE_USERNAME", test.getRequiredProperty("spring.datasource.username"));
        env.put("SPRING_DATASOURCE_PASSWORD", test.getRequiredProperty("spring.datasource.password"));
        env.put("TUTELA_DB_APP_ROLE", test.getRequiredProperty("spring.flyway.placeholders.appRole"));
        env.put("SPRING_FLYWAY_URL", test.getRequiredProperty("spring.flyway.url"));
        env.put("SPRING_FLYWAY_USER", test.getRequiredProperty("spring.flyway.user"));
        env.put("SPRING_FLYWAY_PASSWORD", test.getRequiredProperty("spring.flyway.password"));
        env.put("TUTELA_KEYCLOAK_URL", test.getRequiredProperty("tutela.keycloak.url"));
        env.put("TUTELA_KEYCLOAK_CLIENT_SECRET", test.getRequiredProperty("tutela.keycloak.client-secret"));
        env.put("TUTELA_KEYCLOAK_DIRECTORY_SECRET", test.getRequiredProperty("tutela.keycloak.directory-client-secret"));
        env.put("SPRING_MAIL_HOST", test.getRequiredProperty("spring.mail.host"));
        env.put("SPRING_MAIL_PORT", test.getRequiredProperty("spring.mail.port"));
        env.putAll(extra);
        return env;
    }
}
