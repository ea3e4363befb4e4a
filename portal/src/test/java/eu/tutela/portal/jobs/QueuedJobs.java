package eu.tutela.portal.jobs;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A tenant job queued straight into a database, as {@link Jobs#start} queues it in the portal: for tests of portal
 * processes the test JVM does not run (started from the image), on a database its own portal does not use.
 */
public final class QueuedJobs {

    private QueuedJobs() {
    }

    public static UUID queue(DataSource database, UUID tenantId, String kind, String parameters) {
        UUID runId = UUID.randomUUID();
        JdbcClient.create(database).sql("insert into job_run (tenant_id, id, kind) values (?, ?, ?)").params(tenantId, runId, kind).update();
        OneTimeTask<TenantJobRun> task = Tasks.oneTime(TenantJobExecution.TASK, TenantJobRun.class).execute((instance, context) -> {
            throw new IllegalStateException("only the portal runs tenant jobs");
        });
        SchedulerClient.Builder.create(database, task).build()
                .schedule(task.instance(runId.toString(), new TenantJobRun(tenantId, runId, kind, null, parameters)), Instant.now());
        return runId;
    }
}
