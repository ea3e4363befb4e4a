package eu.tutela.portal.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.util.function.Supplier;
import org.springframework.context.SmartLifecycle;

/**
 * The scheduler of this replica: started once the whole application is up, stopped before the data
 * source closes. A stopped db-scheduler cannot start again, so each start builds a new one (Spring
 * stops and restarts the contexts its test cache pauses).
 */
class JobEngine implements SmartLifecycle {

    private final Supplier<Scheduler> schedulers;
    private volatile Scheduler running;

    JobEngine(Supplier<Scheduler> schedulers) {
        this.schedulers = schedulers;
    }

    @Override
    public synchronized void start() {
        if (running == null) {
            Scheduler scheduler = schedulers.get();
            scheduler.start();
            running = scheduler;
        }
    }

    @Override
    public synchronized void stop() {
        if (running != null) {
            running.stop();
            running = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }

    /** Looks for due work now rather than at the next poll: work queued by this replica starts at once. */
    void wakeUp() {
        Scheduler scheduler = running;
        if (scheduler != null) {
            scheduler.triggerCheckForDueExecutions();
        }
    }
}
