package eu.tutela.portal.operations;

import static org.assertj.core.api.Assertions.assertThat;

import eu.tutela.portal.support.OwnerDatabase;
import eu.tutela.portal.support.School;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The metrics the operators scrape, over HTTP without signing in (in production they are on the management port,
 * which only the monitoring system reaches): the portal's requests, the JVM, and the platform's own gauges, every
 * institution together; the outbox backlog counts the messages an institution could not send, and nothing names anyone.
 * Every response carries the request id its log lines have.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ObservabilityIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Environment env;

    @Test
    void theOperatorsScrapeRequestsTheJvmAndThePlatformsBacklogs() throws Exception {
        String before = scrape();
        assertThat(before).contains("tutela_outbox_backlog_messages", "jvm_memory_used_bytes", "tutela_jobs_waiting",
                "tutela_jobs_running", "tutela_tasks_failing");

        // Three messages stuck in one institution (queued with no delivery: what a mail server away leaves), counted in
        // the backlog of every institution together, which row-level security alone would have hidden.
        School school = new School(context, "metrics", "Collège Mesures");
        OwnerDatabase.inTenant(env, school.tenant.id(), owner -> owner.sql("""
                insert into outbound_mail (tenant_id, id, recipient, locale, subject, text_body, html_body)
                select current_tenant_id(), gen_random_uuid(), ?, 'fr', 'Bloqué', 'Bloqué', '<p>Bloqué</p>' from generate_series(1, 3)""")
                .param(school.mail("parent")).update());
        try {
            String after = scrape();
            assertThat(backlog(after)).isGreaterThanOrEqualTo(3);
            assertThat(after).as("the scrapes themselves, counted").contains("http_server_requests_seconds_count");
            assertThat(after).as("no address in the metrics").doesNotContain(school.mail("parent")).doesNotContain("@");
        } finally {
            OwnerDatabase.inTenant(env, school.tenant.id(), owner -> owner.sql("delete from outbound_mail").update());
        }
    }

    @Test
    void everyResponseCarriesTheIdItsLogLinesHave() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> given = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .header("X-Request-Id", "ingress-4f2a9c1e").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(given.headers().firstValue("X-Request-Id")).as("the ingress's id, kept").contains("ingress-4f2a9c1e");
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .header("X-Request-Id", "<script>x</script>").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.headers().firstValue("X-Request-Id")).as("one that is not sane, replaced").hasValueSatisfying(id ->
                assertThat(id).matches("[0-9a-f]{16}"));
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static long backlog(String metrics) {
        Matcher value = Pattern.compile("(?m)^tutela_outbox_backlog_messages(?:\\{[^}]*})? ([0-9.E+-]+)$").matcher(metrics);
        assertThat(value.find()).as("the backlog gauge").isTrue();
        return (long) Double.parseDouble(value.group(1));
    }
}
