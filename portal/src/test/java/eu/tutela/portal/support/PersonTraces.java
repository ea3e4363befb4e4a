package eu.tutela.portal.support;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.core.env.Environment;

/**
 * Where a person is still written in the database: every table, read whole as its owner bound to the institution
 * (other institutions' rows stay out), searched row by row as text for what names them.
 */
public final class PersonTraces {

    /** The tables where the law keeps what it keeps after an erasure: the audit trail and the record of rights requests. */
    public static final List<String> LEGAL_HOLDS = List.of("audit_entry", "rights_request", "rights_request_event");

    private PersonTraces() {
    }

    /** Each table outside {@code holds} with rows containing any of {@code traces} (case ignored), and how many. */
    public static Map<String, Long> outside(Environment env, UUID tenantId, List<String> holds, String... traces) {
        String[] patterns = Arrays.stream(traces).map(t -> "%" + t + "%").toArray(String[]::new);
        return OwnerDatabase.inTenant(env, tenantId, owner -> {
            Map<String, Long> found = new TreeMap<>();
            for (String table : owner.sql("""
                    select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                     where n.nspname = 'public' and c.relkind = 'r' and c.relname not like 'flyway%' order by 1""").query(String.class).list()) {
                if (holds.contains(table)) {
                    continue;
                }
                long rows = owner.sql("select count(*) from " + table + " t where t::text ilike any (?)")
                        .param(patterns).query(Long.class).single();
                if (rows > 0) {
                    found.put(table, rows);
                }
            }
            return found;
        });
    }
}
