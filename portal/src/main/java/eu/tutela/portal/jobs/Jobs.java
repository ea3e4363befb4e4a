package eu.tutela.portal.jobs;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import eu.tutela.portal.tenancy.ActingPerson;
import eu.tutela.portal.tenancy.TenantContext;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts a tenant's long work and tells how far it got. The run is queued in the caller's
 * transaction: it exists if and only if the change that asked for it committed.
 */
@Service
public class Jobs {

    private final JobRuns runs;
    private final JobQueue queue;
    private final OneTimeTask<TenantJobRun> tenantJobTask;

    Jobs(JobRuns runs, JobQueue queue, OneTimeTask<TenantJobRun> tenantJobTask) {
        this.runs = runs;
        this.queue = queue;
        this.tenantJobTask = tenantJobTask;
    }

    /** Queues a run of the {@link TenantJob} of this kind for the tenant of the current work. */
    @PreAuthorize("@caller.isSystemWorkOrMember() or @caller.isPlatformOperator()")
    @Transactional
    public UUID start(String kind, String parameters) {
        UUID tenant = TenantContext.current()
                .orElseThrow(() -> new IllegalStateException("A tenant job needs a tenant"));
        UUID runId = UUID.randomUUID();
        UUID startedBy = ActingPerson.current().orElse(null);
        runs.queue(runId, kind, startedBy);
        queue.queue(tenantJobTask.schedulableInstance(runId.toString(),
                new TenantJobRun(tenant, runId, kind, startedBy, parameters == null ? "" : parameters)));
        return runId;
    }

    /** The newest run of this kind in the current tenant: what a page shows when the person comes back. */
    @PreAuthorize("@caller.isSystemWorkOrMember() or @caller.isPlatformOperator()")
    @Transactional(readOnly = true)
    public Optional<JobProgress> latest(String kind) {
        return runs.latest(kind);
    }

    /** A run of the current tenant; empty for an unknown id or another tenant's. */
    @PreAuthorize("@caller.isSystemWorkOrMember() or @caller.isPlatformOperator()")
    @Transactional(readOnly = true)
    public Optional<JobProgress> progress(UUID runId) {
        return runs.find(runId);
    }
}
