package eu.tutela.portal.jobs;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/** A test job that notes which application context ran each run, to prove that every run runs once. */
@Component
class CountingJob implements TenantJob {

    static final String KIND = "test-counting";
    static final Map<UUID, List<String>> RUNS = new ConcurrentHashMap<>();

    private final String instance;

    CountingJob(ApplicationContext context) {
        this.instance = context.getId() + "@" + System.identityHashCode(context);
    }

    String instance() {
        return instance;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(JobContext context) throws Exception {
        RUNS.computeIfAbsent(context.runId(), id -> new CopyOnWriteArrayList<>()).add(instance);
        context.progress(0, 2L);
        Thread.sleep(150);
        context.progress(1, 2L);
        Thread.sleep(150);
        context.progress(2, 2L);
        context.outcome("counted " + context.parameters());
    }
}
