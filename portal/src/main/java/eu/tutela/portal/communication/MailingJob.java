package eu.tutela.portal.communication;

import eu.tutela.portal.jobs.JobContext;
import eu.tutela.portal.jobs.TenantJob;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The run that sends a mailing ({@link MailingDelivery}), queued with it. */
@Component
class MailingJob implements TenantJob {

    static final String KIND = "communication-mailing";

    // Found when run: it sends through the outbox, which queues work on the engine built with every job.
    private final ObjectProvider<MailingDelivery> delivery;

    MailingJob(ObjectProvider<MailingDelivery> delivery) {
        this.delivery = delivery;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(JobContext context) {
        context.outcome(delivery.getObject().deliver(UUID.fromString(context.parameters()), context));
    }
}
