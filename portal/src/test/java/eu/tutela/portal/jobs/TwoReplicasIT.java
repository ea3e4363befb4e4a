package eu.tutela.portal.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.tutela.portal.TutelaApplication;
import eu.tutela.portal.notification.Mail;
import eu.tutela.portal.notification.Outbox;
import eu.tutela.portal.support.CaughtMail;
import eu.tutela.portal.tenancy.Tenant;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantDirectory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two portal instances on one database, as two replicas behind the ingress: every queued job runs
 * once and every outbox message reaches the SMTP server once, whichever instance picks it, and both
 * instances take part.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TwoReplicasIT {

    @Autowired
    Jobs jobs;
    @Autowired
    Outbox outbox;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    CountingJob countingJob;

    @Test
    void everyJobRunsOnceAndEveryMailGoesOutOnceWithTwoInstancesOnOneDatabase() {
        Tenant school = tenants.ensure("two-replicas", "Two Replicas School", "FR", "fr");
        try (ConfigurableApplicationContext other = new SpringApplicationBuilder(TutelaApplication.class)
                .profiles("test")
                .run("--server.port=0", "--tutela.demo.enabled=false", "--tutela.embedded.manage-realm=false")) {
            String otherInstance = other.getBean(CountingJob.class).instance();
            assertThat(otherInstance).isNotEqualTo(countingJob.instance());

            List<UUID> runs = new ArrayList<>();
            List<UUID> mails = new ArrayList<>();
            TenantContext.runAs(school.id(), () -> {
                for (int i = 0; i < 24; i++) {
                    int n = i;
                    runs.add(transactions.execute(s -> jobs.start(CountingJob.KIND, "run " + n)));
                }
                for (int i = 0; i < 40; i++) {
                    String to = "parent" + i + "@two-replicas.example";
                    mails.add(transactions.execute(s -> outbox.send(new Mail(to, Locale.ENGLISH,
                            Mail.text("invitation.mail.subject", "Two Replicas School"),
                            List.of(Mail.text("invitation.mail.body", "Ada", "Two Replicas School", "Staff")), null, null))));
                }
            });

            await().atMost(Duration.ofSeconds(90)).until(() -> runs.stream().allMatch(id ->
                    TenantContext.callAs(school.id(), () -> jobs.progress(id)).map(JobProgress::finished).orElse(false)));
            await().atMost(Duration.ofSeconds(90)).until(() -> mails.stream().allMatch(id -> !CaughtMail.withOutboxId(id).isEmpty()));

            for (UUID run : runs) {
                assertThat(CountingJob.RUNS.get(run)).as("instances that ran " + run).hasSize(1);
                JobProgress progress = TenantContext.callAs(school.id(), () -> jobs.progress(run)).orElseThrow();
                assertThat(progress.status()).isEqualTo(JobProgress.Status.SUCCEEDED);
                assertThat(progress.done()).isEqualTo(2);
                assertThat(progress.outcome()).startsWith("counted run ");
            }
            Set<String> instancesThatRan = new HashSet<>();
            runs.stream().map(CountingJob.RUNS::get).flatMap(Collection::stream).forEach(instancesThatRan::add);
            assertThat(instancesThatRan).contains(otherInstance, countingJob.instance());

            for (UUID mail : mails) {
                assertThat(CaughtMail.withOutboxId(mail)).as("copies of " + mail).hasSize(1);
            }
        }
    }
}
