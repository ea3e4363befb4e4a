package eu.tutela.portal.rights;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs {@link DeadlineAlerts} on the job engine, once at a time across replicas, every hour by default. */
@Configuration(proxyBeanMethods = false)
class DeadlineAlertSchedule {

    @Bean
    RecurringTask<Void> rightsDeadlineAlertTask(ObjectProvider<DeadlineAlerts> alerts,
            @Value("${tutela.rights.deadline-alert-interval:1h}") Duration interval) {
        // Looked up when the task runs: it sends mail through the engine this task belongs to.
        return Tasks.recurring("rights-deadline-alerts", FixedDelay.of(interval))
                .execute((instance, context) -> alerts.getObject().alertEveryone());
    }
}
