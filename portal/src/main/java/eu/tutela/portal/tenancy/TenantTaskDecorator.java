package eu.tutela.portal.tenancy;

import org.springframework.core.task.TaskDecorator;
import org.springframework.stereotype.Component;

/**
 * Every task handed to the application's executors (Spring Boot applies this decorator to them)
 * runs for the tenant and person of the code that submitted it, never for whoever ran last on the
 * pooled thread, and never for none by accident.
 */
@Component
class TenantTaskDecorator implements TaskDecorator {

    @Override
    public Runnable decorate(Runnable runnable) {
        return TenantContext.bind(runnable);
    }
}
