package eu.tutela.portal.consent;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs {@link ComingOfAge} on the job engine, once at a time across replicas, every hour by default. */
@Configuration(proxyBeanMethods = false)
class ComingOfAgeSchedule {

    @Bean
    RecurringTask<Void> comingOfAgeTask(ObjectProvider<ComingOfAge> comingOfAge,
            @Value("${tutela.consent.coming-of-age-interval:1h}") Duration interval) {
        // Looked up when the task runs: it sends mail through the engine this task belongs to.
        return Tasks.recurring("consent-coming-of-age", FixedDelay.of(interval))
                .execute((instance, context) -> comingOfAge.getObject().noticeEveryone());
    }
}
