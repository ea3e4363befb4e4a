package eu.tutela.portal.people;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The planner's statistics of the registry kept up to date around imports. Autovacuum analyses a table within a minute
 * or so of a large change; a re-import, the import confirmed right after its preview, or the people grid opened right
 * after an import may come sooner, and joins planned for the few rows the statistics still counted became nested
 * loops over the hundred thousand there were (a re-import's search for the links left out took seconds, not a tenth of one).
 * So an import that wrote many rows has the registry analysed as soon as it commits, in the background (the import is
 * done: nobody waits for the statistics, and another import about to compare waits for them at most), and an import
 * about to compare a roster with the registry analyses it when something else changed it much since.
 */
@Component
class RegistryStatistics {

    /** Rows written, or changed since the last analysis (and a tenth of the table), past which it is redone. */
    static final int MANY = 10_000;

    private static final String[] TABLES = {"person", "guardianship"};

    private static final Logger log = LoggerFactory.getLogger(RegistryStatistics.class);

    private final JdbcClient jdbc;
    private final TaskExecutor background;

    RegistryStatistics(JdbcClient jdbc, @Qualifier("applicationTaskExecutor") TaskExecutor background) {
        this.jdbc = jdbc;
        this.background = background;
    }

    /**
     * Analyses the tables that changed much since their last analysis, unless one was analysed within the minute (by the
     * import that changed them: its own changes are counted again once it commits). In a short transaction of its own:
     * ANALYZE locks the table against another ANALYZE until the end of the transaction, which must not be an import's.
     *
     * @return whether a table was analysed
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean refresh() {
        boolean analysed = false;
        for (String table : TABLES) {
            boolean stale = jdbc.sql("""
                    select coalesce((select n_mod_since_analyze > greatest(?, n_live_tup / 10)
                                            and coalesce(greatest(last_analyze, last_autoanalyze), '-infinity') < now() - interval '1 minute'
                                       from pg_stat_user_tables where relid = ?::regclass), false)""").params(MANY, table)
                    .query(Boolean.class).single();
            if (stale) {
                jdbc.sql("analyze " + table).update();
                analysed = true;
            }
        }
        return analysed;
    }

    /**
     * Analyses the registry once the caller's transaction (an import that wrote many rows) has committed, in the
     * background, outside any transaction. A statistics run lost with the process is autovacuum's to do a minute later.
     */
    public void analyseOnceCommitted() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                background.execute(() -> {
                    try {
                        for (String table : TABLES) {
                            jdbc.sql("analyze " + table).update();
                        }
                    } catch (RuntimeException e) {
                        log.warn("The registry's statistics were not refreshed after an import: {}", e.getMessage());
                    }
                });
            }
        });
    }
}
