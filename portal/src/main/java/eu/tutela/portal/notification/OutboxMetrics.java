package eu.tutela.portal.notification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** How many messages wait to be sent, every institution together: a backlog that grows says the mail server is away. */
@Component
class OutboxMetrics implements MeterBinder {

    private final JdbcClient jdbc;

    OutboxMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("tutela.outbox.backlog", () -> jdbc.sql("select outbox_backlog()").query(Long.class).single())
                .description("Messages queued and not sent yet, all institutions")
                .baseUnit("messages")
                .register(registry);
    }
}
