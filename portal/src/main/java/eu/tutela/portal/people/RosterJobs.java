package eu.tutela.portal.people;

import eu.tutela.portal.jobs.JobContext;
import eu.tutela.portal.jobs.TenantJob;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The two background steps of an import on the job engine: the preview and the import itself. Each reports its
 * progress (bytes read) and, when it fails for another reason than its file, marks the import failed so that it can
 * be started again rather than block the next one.
 */
@Configuration(proxyBeanMethods = false)
class RosterJobs {

    static final String PREVIEW = "roster-preview";
    static final String APPLY = "roster-apply";

    @Bean
    TenantJob rosterPreviewJob(RosterRun run) {
        return job(PREVIEW, run, false);
    }

    @Bean
    TenantJob rosterApplyJob(RosterRun run) {
        return job(APPLY, run, true);
    }

    private static TenantJob job(String kind, RosterRun run, boolean apply) {
        return new TenantJob() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public void run(JobContext context) throws Exception {
                UUID importId = UUID.fromString(context.parameters());
                RosterRun.Progress progress = new RosterRun.Progress() {
                    private long total;

                    @Override
                    public void reading(long done, long all) {
                        total = Math.max(1, all);
                        // The reading is most of the work; checking and merging are the last tenth.
                        context.progress(done * 9 / 10, total);
                    }

                    @Override
                    public void finished() {
                        context.progress(total, total);
                    }
                };
                try {
                    if (apply) {
                        run.apply(importId, progress);
                    } else {
                        run.preview(importId, progress);
                    }
                } catch (Exception e) {
                    run.failed(importId, e);
                    throw e;
                }
            }
        };
    }
}
