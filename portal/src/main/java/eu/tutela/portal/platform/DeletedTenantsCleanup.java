package eu.tutela.portal.platform;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import eu.tutela.tenantadmin.lifecycle.TenantLifecycle;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Keycloak side of a deleted tenant (its organization, the accounts of people in no other tenant) is retried
 * until done: a deletion while Keycloak was away, from the console or the command line, is finished here.
 */
@Configuration(proxyBeanMethods = false)
class DeletedTenantsCleanup {

    @Bean
    RecurringTask<Void> directoryCleanupTask(TenantLifecycle lifecycle,
            @Value("${tutela.platform.cleanup-interval:1m}") Duration interval) {
        return Tasks.recurring("directory-cleanup", FixedDelay.of(interval))
                .execute((instance, context) -> lifecycle.cleanUpDirectory());
    }
}
