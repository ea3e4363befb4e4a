package eu.tutela.portal.jobs;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Domain events are delivered at least once: a publication whose listener failed, or whose replica
 * died before it completed, is delivered again once older than {@code tutela.events.redelivery-interval} (a
 * minute), checked as often by one replica at a time (a recurring task of the engine), besides at start-up
 * (spring.modulith.events.republish-outstanding-events-on-restart).
 * Listeners are therefore idempotent.
 */
@Configuration(proxyBeanMethods = false)
class EventRedelivery {

    @Bean
    RecurringTask<Void> eventRedeliveryTask(IncompleteEventPublications incomplete,
            @Value("${tutela.events.redelivery-interval:1m}") Duration interval) {
        return Tasks.recurring("event-redelivery", FixedDelay.of(interval))
                .execute((instance, context) -> incomplete.resubmitIncompletePublicationsOlderThan(interval));
    }
}
