package eu.tutela.portal.jobs;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import java.time.Duration;

/**
 * Retry a failed task later, each time twice as late, never later than {@code ceiling}: a mail server
 * away for a night is tried again within {@code ceiling} of its return, not days after.
 */
public record Backoff<T>(Duration first, Duration ceiling) implements FailureHandler<T> {

    /** The delay before attempt {@code failures + 1}. */
    public Duration delayAfter(int failures) {
        int doublings = Math.max(0, Math.min(failures - 1, 30));
        Duration delay = first.multipliedBy(1L << doublings);
        return delay.compareTo(ceiling) > 0 ? ceiling : delay;
    }

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<T> operations) {
        int failures = complete.getExecution().consecutiveFailures + 1;
        operations.reschedule(complete, complete.getTimeDone().plus(delayAfter(failures)));
    }
}
