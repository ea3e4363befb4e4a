package eu.tutela.portal.rights;

import eu.tutela.portal.jobs.JobContext;
import eu.tutela.portal.jobs.TenantJob;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The run that builds a request's archive ({@link ArchiveBuilder}), with its progress module by module. */
@Component
class ArchiveJob implements TenantJob {

    static final String KIND = "rights-archive";

    // Found when run: it mails through the outbox, which queues work on the engine built with every job.
    private final ObjectProvider<ArchiveBuilder> builder;

    ArchiveJob(ObjectProvider<ArchiveBuilder> builder) {
        this.builder = builder;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(JobContext context) throws Exception {
        context.outcome(builder.getObject().build(UUID.fromString(context.parameters()), context));
    }
}
