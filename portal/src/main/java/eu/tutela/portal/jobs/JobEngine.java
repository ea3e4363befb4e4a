package eu.tutela.portal.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.util.function.Supplier;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;

/**
 * The scheduler of this replica: started once the whole application is up, stopped before the data
 * source closes. A stopped db-scheduler cannot start again, so each start builds a new one (Spring
 * stops and restarts the contexts its test cache pauses).
 *
 * <p>It stops in the same phase as the web server's graceful shutdown, beside it rather than before it: the running
 * jobs' wait (up to twice the engine's shutdown wait) and the requests' (the phase's timeout) then overlap within the
 * pod's grace period instead of adding up past it.
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
    public void stop(Runnable stopped) {
        Thread.ofPlatform().name("job-engine-stop").start(() -> {
            try {
                stop();
            } finally {
                stopped.run();
            }
        });
    }

    @Override
    public int getPhase() {
        return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE;
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
