package eu.tutela.portal.jobs;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import eu.tutela.portal.tenancy.ActingPerson;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantDirectory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine's one task for tenant jobs: it binds the run's tenant and person, then runs the job of that kind. */
@Configuration(proxyBeanMethods = false)
class TenantJobExecution {

    static final String TASK = "tenant-job";

    private static final Logger log = LoggerFactory.getLogger(TenantJobExecution.class);

    @Bean
    OneTimeTask<TenantJobRun> tenantJobTask(List<TenantJob> jobs, JobRuns runs, TenantDirectory tenants,
            @Value("${tutela.jobs.suspended-retry:5m}") Duration suspendedRetry) {
        Map<String, TenantJob> byKind = jobs.stream().collect(Collectors.toMap(TenantJob::kind, Function.identity()));
        FailureHandler<TenantJobRun> suspendedWaits = new FailureHandler.OnFailureRetryLater<>(suspendedRetry);
        return Tasks.oneTime(TASK, TenantJobRun.class)
                // A job cut short by its replica stopping is due again at once, for another replica; a suspended
                // tenant's job waits: tried again later, run once the tenant is reactivated.
                .onFailure((complete, operations) -> {
                    if (complete.getCause().filter(ReplicaStoppingException.class::isInstance).isPresent()) {
                        operations.reschedule(complete, Instant.now());
                    } else {
                        suspendedWaits.onFailure(complete, operations);
                    }
                })
                // A replica that died mid-run is noticed by the others, which run the job again: jobs resume.
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    TenantJobRun run = instance.getData();
                    TenantJob job = byKind.get(run.kind());
                    if ((job == null || !job.runsWhileSuspended()) && tenants.isSuspended(run.tenantId())) {
                        throw new TenantSuspendedException(run);
                    }
                    // The job's log lines say which institution and run they are about.
                    try (MDC.MDCCloseable tenant = MDC.putCloseable("tenant.id", run.tenantId().toString());
                            MDC.MDCCloseable id = MDC.putCloseable("job.run", run.runId().toString())) {
                        TenantContext.runAs(run.tenantId(), () -> asStarter(run,
                                () -> execute(run, job, runs, () -> context.getSchedulerState().isShuttingDown())));
                    }
                });
    }

    /** Not a failure of the job: its tenant is suspended, so it waits. */
    static final class TenantSuspendedException extends RuntimeException {
        TenantSuspendedException(TenantJobRun run) {
            super("Tenant " + run.tenantId() + " is suspended: job " + run.runId() + " (" + run.kind() + ") waits", null, false, false);
        }
    }

    private static void asStarter(TenantJobRun run, Runnable work) {
        if (run.startedBy() == null) {
            work.run();
        } else {
            ActingPerson.runAs(run.startedBy(), work);
        }
    }

    /**
     * Not a failure of the job: the replica running it is stopping (a rolling upgrade, a drain) and cut it short, so
     * it is queued again for another replica, which runs it from the start (jobs resume).
     */
    static final class ReplicaStoppingException extends RuntimeException {
        ReplicaStoppingException(TenantJobRun run, Exception cause) {
            super("Job " + run.runId() + " (" + run.kind() + ") cut short by this replica stopping: queued again", cause);
        }
    }

    private static void execute(TenantJobRun run, TenantJob job, JobRuns runs, BooleanSupplier replicaStopping) {
        if (job == null) {
            runs.finish(run.runId(), JobProgress.Status.FAILED, "Unknown job kind " + run.kind());
            return;
        }
        runs.running(run.runId());
        String[] outcome = {null};
        JobContext context = new JobContext() {
            @Override
            public UUID tenantId() {
                return run.tenantId();
            }

            @Override
            public UUID runId() {
                return run.runId();
            }

            @Override
            public String parameters() {
                return run.parameters();
            }

            @Override
            public void progress(long done, Long total) {
                runs.progress(run.runId(), done, total);
            }

            @Override
            public void outcome(String text) {
                outcome[0] = text;
            }
        };
        try {
            job.run(context);
            runs.finish(run.runId(), JobProgress.Status.SUCCEEDED, outcome[0]);
        } catch (Exception e) {
            if (replicaStopping.getAsBoolean()) {
                // If the database is already gone, the run stays RUNNING and its execution picked: another replica
                // revives it once this one's heartbeat is missed.
                runs.queuedAgain(run.runId());
                throw new ReplicaStoppingException(run, e);
            }
            log.warn("Job {} ({}) of tenant {} failed", run.runId(), run.kind(), run.tenantId(), e);
            runs.finish(run.runId(), JobProgress.Status.FAILED, e.getMessage());
        }
    }
}
