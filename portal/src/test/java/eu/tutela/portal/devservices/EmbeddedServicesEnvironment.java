package eu.tutela.portal.devservices;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded servers for every part that is not configured, before any bean exists, and
 * points the configuration at them: a JDBC URL, a Keycloak URL or an SMTP host given by the user
 * always wins. Set {@code tutela.embedded.enabled=false} to start nothing at all.
 */
class EmbeddedServicesEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "tutelaEmbeddedServices";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (!env.getProperty("tutela.embedded.enabled", Boolean.class, false)) {
            return;
        }
        EmbeddedServices services = EmbeddedServices.startOnce(EmbeddedSettings.from(env));
        // A start that fails must not leave the JVM (and its children) hanging on their threads.
        application.addListeners((ApplicationListener<ApplicationFailedEvent>) failed -> services.stop());
        try {
            env.getPropertySources().addFirst(new MapPropertySource(SOURCE, startWhatIsNotConfigured(env, services)));
        } catch (RuntimeException e) {
            // Failing here, before the context exists, would leave the servers already started (and the JVM) running.
            services.stop();
            throw e;
        }
    }

    private static Map<String, Object> startWhatIsNotConfigured(ConfigurableEnvironment env, EmbeddedServices services) {
        Map<String, Object> properties = new HashMap<>();

        if (!StringUtils.hasText(env.getProperty("tutela.keycloak.url"))) {
            services.startKeycloak();
            EmbeddedKeycloak keycloak = services.keycloak().orElseThrow();
            properties.put("tutela.keycloak.url", keycloak.baseUrl());
            properties.put("tutela.keycloak.admin-username", keycloak.adminUsername());
            properties.put("tutela.keycloak.admin-password", keycloak.adminPassword());
            // A second portal context in one JVM (a test with other settings) leaves the realm, and
            // so the back-channel logout URL, to the first one.
            properties.put("tutela.keycloak.manage-realm", env.getProperty("tutela.embedded.manage-realm", Boolean.class, true));
        }
        if (!StringUtils.hasText(env.getProperty("spring.mail.host"))) {
            services.startSmtp();
            properties.put("spring.mail.host", "127.0.0.1");
            properties.put("spring.mail.port", services.smtp().orElseThrow().port());
        }
        if (!StringUtils.hasText(env.getProperty("spring.datasource.url"))) {
            services.startPostgres();
            EmbeddedPostgresServer postgres = services.postgres();
            properties.put("spring.datasource.url", postgres.jdbcUrl());
            properties.put("spring.datasource.username", EmbeddedPostgresServer.APP);
            properties.put("spring.datasource.password", EmbeddedPostgresServer.APP);
            properties.put("spring.flyway.url", postgres.jdbcUrl());
            properties.put("spring.flyway.user", EmbeddedPostgresServer.OWNER);
            properties.put("spring.flyway.password", EmbeddedPostgresServer.OWNER);
            properties.put("spring.flyway.placeholders.appRole", EmbeddedPostgresServer.APP);
        }
        // Keycloak starts while PostgreSQL does; the portal then boots on an idle machine instead
        // of racing Keycloak's own start for two cores, and its start-up figure means what it says.
        if (env.getProperty("tutela.embedded.await-keycloak", Boolean.class, true)) {
            services.awaitKeycloak(Duration.ofMinutes(5));
        }
        return properties;
    }

    @Override
    public int getOrder() {
        // After the config files are read (they say whether to start anything), before anything binds them.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
