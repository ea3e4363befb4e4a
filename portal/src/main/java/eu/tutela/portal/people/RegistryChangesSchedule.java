package eu.tutela.portal.people;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import eu.tutela.portal.tenancy.ActiveTenants;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Forgets, in each institution, the notes of registry changes that no import waits for (a preview forgets its own
 * institution's as it begins; this is for the institutions that do not import), once a day by default.
 */
@Configuration(proxyBeanMethods = false)
class RegistryChangesSchedule {

    @Bean
    RecurringTask<Void> registryChangesForgottenTask(ObjectProvider<ActiveTenants> tenants, ObjectProvider<RegistryChanges> changes,
            @Value("${tutela.people.registry-changes-interval:1d}") Duration interval) {
        return Tasks.recurring("people-registry-changes-forgotten", FixedDelay.of(interval))
                .execute((instance, context) -> tenants.getObject().each("registry change note(s) forgotten", changes.getObject()::forgetUnawaited));
    }
}
