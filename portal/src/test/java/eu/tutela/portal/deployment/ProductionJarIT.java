package eu.tutela.portal.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import org.junit.jupiter.api.Test;

/**
 * What the production artifact holds, read from the jar the build made (the integration tests run after it is
 * packaged): the application, and none of the development tooling that command 1 of the README runs with.
 */
class ProductionJarIT {

    private static final Path JAR = Path.of("target", "portal.jar");

    @Test
    void theProductionJarHoldsTheApplicationAndNoDevelopmentTooling() throws IOException {
        List<String> entries = entriesIncludingNestedJars();

        assertThat(entries).as("the application itself").contains(
                "BOOT-INF/classes/eu/tutela/portal/TutelaApplication.class",
                "BOOT-INF/classes/db/migration/V1__tenancy.sql");
        assertThat(entries).as("the tenant administration library").anyMatch(e -> e.contains("eu/tutela/tenantadmin/keycloak/KeycloakDirectory.class"));

        assertThat(entries).as("development tooling in the production jar").noneMatch(DevelopmentTooling::isDevelopmentTooling);
    }

    private static List<String> entriesIncludingNestedJars() throws IOException {
        assertThat(JAR).as("the packaged jar (run the integration tests through 'verify')").exists();
        List<String> names = new ArrayList<>();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            for (JarEntry entry : jar.stream().toList()) {
                names.add(entry.getName());
                if (entry.getName().startsWith("BOOT-INF/lib/eu.tutela") || entry.getName().startsWith("BOOT-INF/lib/tenant-admin")
                        || entry.getName().startsWith("BOOT-INF/lib/policy-templates")) {
                    try (InputStream nested = jar.getInputStream(entry); JarInputStream inner = new JarInputStream(nested)) {
                        for (JarEntry innerEntry; (innerEntry = inner.getNextJarEntry()) != null; ) {
                            names.add(entry.getName() + "!/" + innerEntry.getName());
                        }
                    }
                }
            }
        }
        return names;
    }
}
