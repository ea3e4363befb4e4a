package eu.tutela.portal.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import eu.tutela.portal.people.PersonKind;
import eu.tutela.portal.support.DeploymentEnvironment;
import eu.tutela.portal.support.School;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The backup and restore of docs/operations.md, by its own scripts (ops/backup.sh, ops/restore.sh) and PostgreSQL 18's
 * pg_dump and pg_restore, on this test JVM's embedded PostgreSQL: a backup taken while the portal runs, restored into
 * an empty database, and the portal, started from its image on the restored database, serving what was there at the
 * backup and nothing written after it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BackupRestoreIT {

    private static final Path CLIENT = Path.of("target", "pg-client");
    private static final Path OPS = Path.of("..", "ops");

    @Autowired
    ApplicationContext context;
    @Autowired
    Environment env;

    @Test
    void aBackupRestoredIntoAnEmptyDatabaseIsWhatThePortalServesAgain() throws Exception {
        installClient();
        ServerDatabases server = new ServerDatabases(env);
        JdbcClient superuser = server.superuser("postgres");
        superuser.sql("""
                do $$ begin
                  if not exists (select from pg_roles where rolname = 'tutela_backup') then
                    create role tutela_backup login password 'tutela_backup' bypassrls;
                    grant pg_read_all_data to tutela_backup;
                  end if;
                end $$""").update();

        School kept = new School(context, "sauvegarde", "Lycée Sauvegardé");
        kept.publishPolicy("news-and-offers");
        UUID pupil = kept.register(PersonKind.STUDENT, "Zoé", "Sauvegardée", LocalDate.of(2012, 3, 4), "zoe").id();

        Path backups = Files.createTempDirectory("tutela-backups");
        Script backup = run(OPS.resolve("backup.sh"), Map.of("PGUSER", "tutela_backup", "PGPASSWORD", "tutela_backup",
                "PGDATABASE", server.portalDatabase()), backups.toString());
        assertThat(backup.exit).as(backup.output).isZero();
        Path archive = Path.of(backup.output.lines().reduce((a, b) -> b).orElseThrow());
        assertThat(archive).exists();
        assertThat(archive.resolveSibling(archive.getFileName() + ".sha256")).exists();

        School after = new School(context, "apres", "Lycée Postérieur");
        after.publishPolicy("news-and-offers");

        String restored = server.create("tutela_restored_" + kept.suffix.replace('-', '_'));
        Map<String, String> asSuperuser = Map.of("PGUSER", "postgres", "PGDATABASE", restored);

        Path tampered = Files.copy(archive, backups.resolve("tampered.dump"));
        Files.writeString(backups.resolve("tampered.dump.sha256"), Files.readString(archive.resolveSibling(archive.getFileName() + ".sha256"))
                .replace(archive.getFileName().toString(), "tampered.dump"));
        Files.write(tampered, new byte[] {1, 2, 3}, StandardOpenOption.APPEND);
        Script refused = run(OPS.resolve("restore.sh"), asSuperuser, tampered.toString());
        assertThat(refused.exit).as("an archive that is not what was backed up").isNotZero();
        assertThat(refused.output).contains("does not match its SHA-256");

        Script restore = run(OPS.resolve("restore.sh"), asSuperuser, archive.toString());
        assertThat(restore.exit).as(restore.output).isZero();
        Script again = run(OPS.resolve("restore.sh"), asSuperuser, archive.toString());
        assertThat(again.exit).as("a second restore over the first").isNotZero();
        assertThat(again.output).contains("restore into an empty one");

        JdbcClient copy = server.superuser(restored);
        assertThat(copy.sql("select family_name from person where id = ?").param(pupil).query(String.class).optional())
                .as("the pupil registered before the backup").contains("Sauvegardée");
        assertThat(copy.sql("select count(*) from tenant where slug = ?").param(after.tenant.slug()).query(Long.class).single())
                .as("the institution created after the backup").isZero();
        assertThat(copy.sql("select relowner::regrole::text from pg_class where relname = 'person'").query(String.class).single())
                .as("the tables belong to the migration owner again").isEqualTo(env.getRequiredProperty("spring.flyway.user"));

        String url = server.url(restored);
        Map<String, String> settings = DeploymentEnvironment.of(env, Map.of(
                "SPRING_DATASOURCE_URL", url, "SPRING_FLYWAY_URL", url));
        PortalImage image = PortalImage.read();
        try (PortalProcess portal = PortalProcess.start(image, image.unpack(PortalImage.ROOT), settings)) {
            portal.awaitReady();
            HttpResponse<String> policy = portal.portal("/p/" + kept.tenant.slug() + "/privacy").orElseThrow();
            assertThat(policy.statusCode()).isEqualTo(200);
            assertThat(policy.body()).as("its published policy").contains("/p/" + kept.tenant.slug() + "/privacy.pdf", "Politique de confidentialité");
            HttpResponse<String> pdf = portal.portal("/p/" + kept.tenant.slug() + "/privacy.pdf").orElseThrow();
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.body()).as("a PDF, rendered by the image's runtime").startsWith("%PDF");
            assertThat(portal.portal("/p/" + after.tenant.slug() + "/privacy").orElseThrow().statusCode())
                    .as("the institution created after the backup").isEqualTo(404);
        } finally {
            server.drop(restored);
        }
    }

    private record Script(int exit, String output) {
    }

    private Script run(Path script, Map<String, String> pg, String argument) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), argument).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.put("PATH", CLIENT.resolve("bin").toAbsolutePath() + ":" + environment.get("PATH"));
        environment.put("PGHOST", "127.0.0.1");
        environment.put("PGPORT", String.valueOf(new ServerDatabases(env).port()));
        environment.putAll(pg);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Script(process.exitValue(), output.strip());
    }

    private static void installClient() throws IOException, InterruptedException {
        Process install = new ProcessBuilder("bash", "src/test/scripts/pg-client.sh", CLIENT.toString()).inheritIO().start();
        assertThat(install.waitFor(5, TimeUnit.MINUTES) && install.exitValue() == 0).as("PostgreSQL 18's client programs").isTrue();
    }
}
