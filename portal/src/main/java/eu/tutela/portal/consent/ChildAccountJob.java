package eu.tutela.portal.consent;

import eu.tutela.portal.jobs.JobContext;
import eu.tutela.portal.jobs.TenantJob;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The job that settles a minor's account after a decision about it ({@link ChildAccounts}), queued with the decision. */
@Component
class ChildAccountJob implements TenantJob {

    static final String KIND = "consent-child-account";

    // Found when run: what it uses sends mail through the outbox, which queues work on the engine built with every job.
    private final ObjectProvider<ChildAccounts> accounts;

    ChildAccountJob(ObjectProvider<ChildAccounts> accounts) {
        this.accounts = accounts;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(JobContext context) {
        context.outcome(accounts.getObject().settle(UUID.fromString(context.parameters())));
    }
}
