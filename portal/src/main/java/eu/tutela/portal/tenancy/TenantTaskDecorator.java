package eu.tutela.portal.tenancy;

import org.springframework.core.task.TaskDecorator;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Component;

/**
 * Every task handed to the application's executors (Spring Boot applies this decorator to them)
 * runs for the tenant and person of the code that submitted it, never for whoever ran last on the
 * pooled thread, and never for none by accident. The submitter's authentication goes along too:
 * work a person asked for is checked as theirs, never taken for the platform's own work.
 */
@Component
class TenantTaskDecorator implements TaskDecorator {

    @Override
    public Runnable decorate(Runnable runnable) {
        return TenantContext.bind(new DelegatingSecurityContextRunnable(runnable));
    }
}
