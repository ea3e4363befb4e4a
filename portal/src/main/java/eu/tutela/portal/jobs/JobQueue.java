package eu.tutela.portal.jobs;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Queues an execution of a task in the caller's transaction; once that transaction commits, this
 * replica's scheduler is woken up so the work starts at once instead of at the next poll.
 */
@Component
public class JobQueue {

    private final SchedulerClient client;
    private final JobEngine engine;

    JobQueue(SchedulerClient client, JobEngine engine) {
        this.client = client;
        this.engine = engine;
    }

    public <T> void queue(SchedulableInstance<T> instance) {
        client.schedule(instance);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    engine.wakeUp();
                }
            });
        } else {
            engine.wakeUp();
        }
    }
}
