package eu.tutela.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.tutela.portal.security.IdentityProvider;
import eu.tutela.portal.support.CaughtMail;
import eu.tutela.portal.support.DeploymentEnvironment;
import eu.tutela.portal.support.ZipFiles;
import eu.tutela.portal.tenancy.TenantDirectory;
import eu.tutela.tenantadmin.keycloak.KeycloakDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The operator's cycle from the command line: the real {@code tenant-admin.jar} run as its own process, configured
 * by the portal's environment variables, against the same PostgreSQL and Keycloak as the portal running beside it
 * (which invites the first administrator). Each refusal has its documented exit code and changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TenantAdminCommandLineIT {

    private static final Path JAR = Path.of("..", "tenant-admin", "target", "tenant-admin.jar");
    private static final Pattern LINK = Pattern.compile("/invitation/([A-Za-z0-9_-]{43})");

    @Autowired
    Environment env;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    IdentityProvider identity;

    record Result(int exit, String out, String err) {
    }

    @Test
    void theWholeCycleRunsFromTheCommandLine() throws Exception {
        KeycloakDirectory directory = identity.awaitDirectory(Duration.ofMinutes(2));
        String slug = "cli-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = "admin@" + slug + ".example";

        assertThat(run(Map.of(), "--help")).satisfies(r -> {
            assertThat(r.exit()).isZero();
            assertThat(r.out()).contains("Exit codes:", "SPRING_DATASOURCE_URL", "create", "delete");
        });
        assertThat(run(Map.of(), "list")).satisfies(r -> {
            assertThat(r.exit()).isEqualTo(12);
            assertThat(r.err()).contains("SPRING_DATASOURCE_URL");
        });
        assertThat(run(portalEnvironment(), "create", "--slug", "Lycée Hugo", "--name", "Lycée", "--country", "XX",
                "--time-zone", "Europe/Paris", "--admin-email", "not-an-address")).satisfies(r -> {
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("slug:", "country:", "firstAdminEmail:");
        });

        String[] create = {"create", "--slug", slug, "--name", "Lycée Victor Hugo", "--country", "FR", "--languages", "fr,en",
                "--time-zone", "Europe/Paris", "--dpo-email", "dpo@" + slug + ".example", "--admin-email", admin};
        assertThat(run(portalEnvironment(), create)).satisfies(r -> {
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("created " + slug, admin);
        });
        assertThat(tenants.findActiveBySlug(slug)).isPresent();
        assertThat(directory.findOrganization(slug)).isPresent();
        // The portal beside it invites the administrator named on the command line.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !CaughtMail.found(admin, LINK).isEmpty());
        assertThat(run(portalEnvironment(), create).exit()).as("the same slug again").isEqualTo(3);
        assertThat(run(portalEnvironment(), "list", "--csv").out()).contains(slug + ",ACTIVE,");

        assertThat(run(portalEnvironment(), "suspend", slug)).satisfies(r -> assertThat(r.out()).contains("suspended " + slug));
        assertThat(tenants.findActiveBySlug(slug)).isEmpty();
        assertThat(run(portalEnvironment(), "suspend", slug)).satisfies(r -> {
            assertThat(r.exit()).isZero();
            assertThat(r.out()).contains("was suspended already");
        });
        assertThat(run(portalEnvironment(), "reactivate", slug).exit()).isZero();
        assertThat(tenants.findActiveBySlug(slug)).isPresent();

        assertThat(run(portalEnvironment(), "delete", slug, "--confirm", slug).exit()).as("no export yet").isEqualTo(6);
        assertThat(run(portalEnvironment(), "delete", slug, "--confirm", "something-else").exit()).isEqualTo(2);
        assertThat(tenants.findActiveBySlug(slug)).as("nothing deleted").isPresent();

        Path zip = Files.createTempDirectory("tenant-admin-it").resolve(slug + ".zip");
        Result export = run(portalEnvironment(), "export", slug, "--output", zip.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(zip)));
        assertThat(export.out()).contains("exported " + slug, sha256);
        assertThat(export.err()).contains("100%");
        Map<String, String> files = ZipFiles.read(Files.readAllBytes(zip));
        assertThat(files).containsKeys("manifest.json", "SHA256SUMS", "tenant.jsonl", "tables/invitation.jsonl");
        assertThat(files.get("tables/invitation.jsonl")).contains(admin);

        assertThat(run(portalEnvironment(), "delete", slug, "--confirm", slug)).satisfies(r -> {
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("deleted " + slug);
        });
        assertThat(tenants.findActiveBySlug(slug)).isEmpty();
        assertThat(directory.findOrganization(slug)).isEmpty();
        assertThat(run(portalEnvironment(), "suspend", slug).exit()).as("gone").isEqualTo(4);
        assertThat(run(portalEnvironment(), "audit", "--slug", slug)).satisfies(r -> {
            assertThat(r.exit()).isZero();
            assertThat(r.out()).contains("tenant.created", "tenant.suspended", "tenant.reactivated", "tenant.exported",
                    "tenant.deleted", "cli-test@tutela.example");
        });
    }

    /** What a deployment sets for the portal, here pointing at the test's embedded servers, and the operator's name. */
    private Map<String, String> portalEnvironment() {
        return DeploymentEnvironment.of(env, Map.of("TUTELA_OPERATOR", "cli-test@tutela.example"));
    }

    private static Result run(Map<String, String> variables, String... args) throws IOException, InterruptedException {
        assertThat(JAR).as("built by the tenant-admin module's package phase (run ./mvnw verify from the top)").exists();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar",
                JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("TUTELA_"));
        builder.environment().putAll(variables);
        Path out = Files.createTempFile("tenant-admin-out", ".txt");
        Path err = Files.createTempFile("tenant-admin-err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("tenant-admin " + String.join(" ", args) + " did not finish");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
