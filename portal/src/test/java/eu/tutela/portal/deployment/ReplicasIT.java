package eu.tutela.portal.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.tutela.portal.jobs.QueuedJobs;
import eu.tutela.portal.support.CaughtMail;
import eu.tutela.portal.support.DeploymentEnvironment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Two portal processes, each started from the image as the chart starts a replica (its entrypoint, its user, in its
 * own namespaces, with the chart's environment), on one new database that only they
 * use: they race for its migrations, which run once; a scheduled task and the mail it queues run once between them;
 * one stopped by SIGTERM finishes the request it is serving before it exits, while the other goes on serving; and the
 * job a stopped replica was running is taken over by another.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReplicasIT {

    @Autowired
    Environment env;

    @Test
    void twoReplicasShareTheWorkOnceAndAStoppedOneFinishesItsRequestAndHandsItsJobOver() throws Exception {
        ServerDatabases server = new ServerDatabases(env);
        String database = server.create("tutela_replicas_" + UUID.randomUUID().toString().substring(0, 8));
        JdbcClient superuser = server.superuser("postgres");
        String url = server.url(database);
        Map<String, String> settings = DeploymentEnvironment.of(env, Map.of("SPRING_DATASOURCE_URL", url,
                "SPRING_FLYWAY_URL", url, "TUTELA_PLATFORM_ONBOARDING_INTERVAL", "1s",
                // A stopped replica's job is revived by another after six missed beats: 12 s here, 3 minutes by default.
                "TUTELA_JOBS_HEARTBEAT_INTERVAL", "2s"));
        PortalImage image = PortalImage.read();
        Path root = image.unpack(PortalImage.ROOT);
        try (PortalProcess first = PortalProcess.start(image, root, settings);
                PortalProcess second = PortalProcess.start(image, root, settings)) {
            first.awaitReady();
            second.awaitReady();
            JdbcClient shared = server.superuser(database);
            runsAsTheChartExpects(first);

            // Both started on an empty database at once: Flyway's lock let one migrate while the other waited.
            long migrations;
            try (Stream<Path> files = Files.list(Path.of("src", "main", "resources", "db", "migration"))) {
                migrations = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
            }
            assertThat(shared.sql("select count(*) from flyway_schema_history where version is not null and success").query(Long.class).single())
                    .as("each migration applied once").isEqualTo(migrations);
            assertThat(Stream.of(first, second).filter(p -> p.output().contains("Successfully applied")))
                    .as("the replica that migrated").hasSize(1);

            // Institutions created with a first administrator: the scheduled task invites each, by mail, once.
            List<String> administrators = IntStream.rangeClosed(1, 6).mapToObj(i -> "first-" + database.substring(16) + "-" + i + "@replicas.example").toList();
            for (String administrator : administrators) {
                String slug = administrator.substring(0, administrator.indexOf('@'));
                shared.sql("insert into tenant (id, slug, name, country, default_locale, status, first_admin_email) values (?, ?, ?, 'FR', 'fr', 'ACTIVE', ?)")
                        .params(UUID.randomUUID(), slug, "École " + slug, administrator).update();
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> administrators.stream().allMatch(a -> !CaughtMail.to(a).isEmpty()));
            Thread.sleep(3000); // several more runs of the task on both replicas, and of their outboxes
            for (String administrator : administrators) {
                assertThat(CaughtMail.to(administrator)).as("invitations to " + administrator).hasSize(1);
            }
            assertThat(shared.sql("select count(*) from outbound_mail where sent_at is null").query(Long.class).single()).isZero();

            // A request in flight on the first replica (held by a lock on the policies) when the kubelet sends SIGTERM.
            String slug = administrators.getFirst().substring(0, administrators.getFirst().indexOf('@'));
            try (Connection lock = DriverManager.getConnection(url, "postgres", "")) {
                lock.setAutoCommit(false);
                try (Statement sql = lock.createStatement()) {
                    sql.execute("lock table policy_version in access exclusive mode");
                }
                CompletableFuture<HttpResponse<String>> inFlight = HttpClient.newHttpClient().sendAsync(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + first.port + "/p/" + slug + "/privacy")).build(),
                        HttpResponse.BodyHandlers.ofString());
                await().atMost(Duration.ofSeconds(20)).until(() -> superuser.sql(
                        "select count(*) from pg_stat_activity where datname = ? and wait_event_type = 'Lock'").param(database)
                        .query(Long.class).single() > 0);

                CompletableFuture<Optional<Integer>> stopped = CompletableFuture.supplyAsync(() -> stop(first));
                await().atMost(Duration.ofSeconds(20)).until(() -> first.management("/actuator/health/readiness")
                        .map(HttpResponse::statusCode).orElse(503) != 200);
                Thread.sleep(2000);
                assertThat(inFlight).as("the request still being served").isNotDone();
                assertThat(stopped).as("the replica waits for it").isNotDone();
                assertThat(second.management("/actuator/health/readiness").map(HttpResponse::statusCode)).as("the other replica").contains(200);

                lock.commit();
                HttpResponse<String> answer = inFlight.get();
                assertThat(answer.statusCode()).isEqualTo(404);
                assertThat(answer.body()).as("the request's own answer, not a broken connection")
                        .contains("Il n’y a pas de politique de confidentialité publiée à cette adresse.");
                assertThat(stopped.get()).as("then it stopped, within the pod's grace period").isPresent();
            }
            assertThat(first.output()).containsIgnoringCase("graceful shutdown complete");
            assertThat(second.portal("/p/" + slug + "/privacy").map(HttpResponse::statusCode)).as("the other replica serves on").contains(404);

            // The operator's export of an institution, running on the second replica when that one is stopped: the job
            // is queued again at once and a replica started meanwhile finishes it, under the same export record. The
            // export is held at its last step (recording the archive) by a trigger of this throwaway database that waits
            // for a lock the test holds, the way a slow statement would be; a table lock would also hold a starting
            // replica's schema validation. Once the second replica is stopping, its held statement is cancelled (as a
            // statement timeout would): the job fails while its replica stops, which is not a failure of the job.
            UUID institution = shared.sql("select id from tenant where slug = ?").param(slug).query(UUID.class).single();
            shared.sql("""
                    create function held_export() returns trigger language plpgsql as $$
                    begin if new.status = 'DONE' then perform pg_advisory_xact_lock(4242); end if; return new; end $$""").update();
            shared.sql("create trigger held_export before update on tenant_export for each row execute function held_export()").update();
            try (Connection lock = DriverManager.getConnection(url, "postgres", "")) {
                try (Statement sql = lock.createStatement()) {
                    sql.execute("select pg_advisory_lock(4242)");
                }
                UUID run = QueuedJobs.queue(server.dataSource(database), institution, "tenant-export", slug + "\noperator@replicas.example");
                await().atMost(Duration.ofSeconds(30)).until(() -> heldStatements(superuser, database) > 0);
                assertThat(status(shared, run)).isEqualTo("RUNNING");
                try (PortalProcess third = PortalProcess.start(image, root, settings)) {
                    third.awaitReady();
                    CompletableFuture<Optional<Integer>> stopped = CompletableFuture.supplyAsync(() -> stop(second));
                    await().atMost(Duration.ofSeconds(30)).until(() -> second.output().contains("Shutting down Scheduler"));
                    superuser.sql("select pg_cancel_backend(pid) from pg_stat_activity where datname = ? and wait_event = 'advisory'")
                            .param(database).query().listOfRows();
                    assertThat(stopped.get()).as("the second replica stopped within the pod's grace period").isPresent();
                    assertThat(second.output()).as("its job, cut short").contains("cut short by this replica stopping: queued again");
                    // Queued again, not left for the heartbeat's revival: the third replica takes it at once.
                    await().atMost(Duration.ofSeconds(20)).until(() -> heldStatements(superuser, database) > 0);
                    try (Statement sql = lock.createStatement()) {
                        sql.execute("select pg_advisory_unlock(4242)");
                    }
                    await().atMost(Duration.ofSeconds(90)).until(() -> status(shared, run).equals("SUCCEEDED"));
                    assertThat(shared.sql("select status from tenant_export where tenant_id = ?").param(institution).query(String.class)
                            .list()).as("one export, finished: the stopped replica's attempt left none running").containsExactly("DONE");
                }
            }
        } finally {
            server.drop(database);
        }
    }

    /** What the chart's probes, the monitoring and the log collector expect of a replica started from the image. */
    private static void runsAsTheChartExpects(PortalProcess replica) throws Exception {
        assertThat(replica.userId()).as("the portal's process, as the kernel sees it").isEqualTo("10001");
        assertThat(replica.management("/actuator/health/liveness")).hasValueSatisfying(r -> assertThat(r.statusCode()).isEqualTo(200));
        assertThat(replica.management("/actuator/health/dependencies")).as("PostgreSQL and the SMTP relay, for the alerts")
                .hasValueSatisfying(r -> assertThat(r.body()).isEqualTo("{\"status\":\"UP\"}"));
        assertThat(replica.management("/actuator/prometheus").map(HttpResponse::body).orElseThrow()).contains("tutela_outbox_backlog_messages");
        assertThat(replica.portal("/actuator/prometheus").map(HttpResponse::body).orElseThrow())
                .as("metrics on the port the ingress routes to").doesNotContain("tutela_outbox_backlog");
        assertThat(replica.portal("/").map(r -> r.headers().firstValue("Location").orElse("")).orElseThrow())
                .as("a visitor is sent to sign in").endsWith("/login");
        String firstLine = replica.output().lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow();
        assertThat(new ObjectMapper().readTree(firstLine).has("@timestamp")).as("JSON log lines for the cluster's collector: " + firstLine)
                .isTrue();
    }

    private static String status(JdbcClient database, UUID run) {
        return database.sql("select status from job_run where id = ?").param(run).query(String.class).single();
    }

    /** Statements of this database waiting for the test's lock. */
    private static long heldStatements(JdbcClient superuser, String database) {
        return superuser.sql("select count(*) from pg_stat_activity where datname = ? and wait_event = 'advisory'").param(database)
                .query(Long.class).single();
    }

    private static Optional<Integer> stop(PortalProcess replica) {
        try {
            return replica.stop(Duration.ofSeconds(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
