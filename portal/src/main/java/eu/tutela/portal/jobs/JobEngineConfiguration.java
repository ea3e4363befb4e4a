package eu.tutela.portal.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * db-scheduler, set up by hand: its Spring Boot starter (16.7) is built for Boot 3 and names
 * auto-configurations that Boot 4 moved. Every task of every module is a bean of type {@link Task}.
 *
 * <p>Both the client that queues work and the scheduler that runs it reach the database through a
 * transaction-aware view of the application's own data source: queueing inside a business transaction
 * joins it, so the work exists exactly when the business change committed.
 */
@Configuration(proxyBeanMethods = false)
class JobEngineConfiguration {

    @Bean
    SchedulerClient schedulerClient(DataSource dataSource, List<Task<?>> tasks) {
        return SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource), oneTime(tasks)).build();
    }

    @Bean
    JobEngine jobEngine(DataSource dataSource, List<Task<?>> tasks, List<RecurringTask<?>> recurring,
            @Value("${tutela.jobs.polling-interval:1s}") Duration pollingInterval,
            @Value("${tutela.jobs.threads:4}") int threads,
            @Value("${tutela.jobs.heartbeat-interval:30s}") Duration heartbeat,
            @Value("${HOSTNAME:}") String hostname) {
        // Which replica holds a running job (scheduled_tasks.picked_by, the logs): the pod's name, as Kubernetes sets
        // HOSTNAME; elsewhere a name of its own, where db-scheduler's default (the host's name) would give every
        // process on one machine, or every container that cannot resolve its host, the same one.
        String replica = hostname.isBlank() ? "replica-" + UUID.randomUUID().toString().substring(0, 8) : hostname;
        return new JobEngine(() -> Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), oneTime(tasks))
                .schedulerName(new SchedulerName.Fixed(replica))
                .startTasks(recurring)
                .threads(threads)
                .pollingInterval(pollingInterval)
                // Rows are claimed with SELECT … FOR UPDATE SKIP LOCKED: two replicas never pick the same one.
                .pollUsingLockAndFetch(0.5, 1.0)
                // A replica that stops beating (killed, cut off) for six beats leaves its running jobs to the others.
                .heartbeatInterval(heartbeat)
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build());
    }

    private static List<Task<?>> oneTime(List<Task<?>> tasks) {
        return tasks.stream().filter(task -> !(task instanceof RecurringTask<?>)).toList();
    }
}
