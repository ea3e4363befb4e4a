package eu.tutela.portal.platform;

import eu.tutela.portal.jobs.JobContext;
import eu.tutela.portal.jobs.TenantJob;
import eu.tutela.tenantadmin.lifecycle.ExportResult;
import eu.tutela.tenantadmin.lifecycle.TenantLifecycle;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * The operator's export of a whole tenant, in the background with progress. The archive is written to a temporary
 * file and stored with the export's record, so the console downloads it from any replica; a replica that dies
 * mid-way leaves the run to another, which exports again from the start under the same record.
 */
@Component
class TenantExportJob implements TenantJob {

    static final String KIND = "tenant-export";

    private final TenantLifecycle lifecycle;

    TenantExportJob(TenantLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    static String parameters(String slug, String actor) {
        return slug + "\n" + actor;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** The operator exports a suspended tenant too (before deleting it, typically). */
    @Override
    public boolean runsWhileSuspended() {
        return true;
    }

    @Override
    public void run(JobContext context) throws Exception {
        String[] parameters = context.parameters().split("\n", 2);
        Path file = Files.createTempFile("tutela-export-", ".zip");
        try {
            // Recorded under the run's id: a run taken over from a stopped replica finishes the same export.
            ExportResult result = lifecycle.export(parameters[0], parameters[1], context.runId(), file, true,
                    (done, total) -> context.progress(done, total));
            context.outcome(result.exportId().toString());
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
