package eu.tutela.portal.people;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * How fast imports go, every institution together, for the operators' dashboards: the time each step took and the
 * rows it went through (people, valid or not), so that rows per second is their ratio. No institution is named: a tag
 * per tenant would grow with the platform and say who imports when.
 */
@Component
class RosterMetrics {

    private final MeterRegistry registry;

    RosterMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A step ({@code preview} or {@code apply}) that finished, with what it found. */
    void finished(String step, RosterSummary summary, Duration took) {
        Timer.builder("tutela.roster.import.duration").description("Time an import step took").tag("step", step)
                .register(registry).record(took);
        Counter.builder("tutela.roster.import.rows").description("Rows an import step went through").baseUnit("rows")
                .tag("step", step).register(registry)
                .increment(summary.newPeople() + summary.changedPeople() + summary.unchangedPeople() + summary.invalidRows());
    }
}
