package eu.tutela.portal.jobs;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The background work of every institution, from the scheduler's own table: tenants' jobs (imports, exports,
 * archives) waiting for a replica and running now, and how many executions are dead (their replica stopped beating).
 */
@Component
class JobMetrics implements MeterBinder {

    private final JdbcClient jdbc;

    JobMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "tutela.jobs.waiting", "Tenants' jobs due and not picked by a replica yet",
                "select count(*) from scheduled_tasks where task_name = 'tenant-job' and not picked and execution_time <= now()");
        gauge(registry, "tutela.jobs.running", "Tenants' jobs a replica is running",
                "select count(*) from scheduled_tasks where task_name = 'tenant-job' and picked");
        gauge(registry, "tutela.tasks.failing", "Scheduled tasks whose last run failed (all kinds)",
                "select count(*) from scheduled_tasks where consecutive_failures > 0");
    }

    private void gauge(MeterRegistry registry, String name, String description, String count) {
        Gauge.builder(name, () -> jdbc.sql(count).query(Long.class).single()).description(description).register(registry);
    }
}
