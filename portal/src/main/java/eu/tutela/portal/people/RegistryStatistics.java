package eu.tutela.portal.people;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The planner's statistics of the registry brought up to date when a large change left them behind, before an import
 * compares a roster with it. Autovacuum analyses a table within a minute or so of a large import; a re-import, or
 * the import confirmed right after its preview, may come sooner, and its joins planned for the few rows the
 * statistics still count became nested loops over the hundred thousand there are. Its own short transaction: ANALYZE
 * locks the table against another ANALYZE until the end of the transaction, which must not be an import's.
 */
@Component
class RegistryStatistics {

    /** Rows changed since the last analysis, past which it is redone: a tenth of the table, and at least this many. */
    private static final int AT_LEAST = 10_000;

    private final JdbcClient jdbc;

    RegistryStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void refresh() {
        for (String table : new String[] {"person", "guardianship"}) {
            boolean stale = jdbc.sql("""
                    select coalesce((select n_mod_since_analyze > greatest(?, n_live_tup / 10) from pg_stat_user_tables
                                      where relid = ?::regclass), false)""").params(AT_LEAST, table).query(Boolean.class).single();
            if (stale) {
                jdbc.sql("analyze " + table).update();
            }
        }
    }
}
