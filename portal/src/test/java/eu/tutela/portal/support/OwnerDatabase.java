package eu.tutela.portal.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The database as the schema owner sees it (the role Flyway migrates as): what the data really is,
 * for tests to check what the application role could not see or must not have changed.
 */
public final class OwnerDatabase {

    private OwnerDatabase() {
    }

    /**
     * The owner's view of one tenant's rows: row-level security is forced on tenant-owned tables, so
     * even the owner sees a tenant's rows only with that tenant set on its session.
     */
    public static <T> T inTenant(Environment env, UUID tenantId, Function<JdbcClient, T> work) {
        SingleConnectionDataSource owner = new SingleConnectionDataSource(env.getRequiredProperty("spring.flyway.url"),
                env.getRequiredProperty("spring.flyway.user"), env.getRequiredProperty("spring.flyway.password"), true);
        try {
            JdbcClient jdbc = JdbcClient.create(owner);
            jdbc.sql("select set_config('tutela.tenant_id', ?, false)").param(tenantId.toString()).query().singleRow();
            return work.apply(jdbc);
        } finally {
            owner.destroy();
        }
    }

    /**
     * Runs {@code work} as the owner with row-level security switched off on {@code table}, then on again:
     * what someone holding the owner's password would do to rewrite history. Tests of tampering only.
     */
    public static void withoutRowSecurity(Environment env, String table, Consumer<JdbcClient> work) {
        JdbcClient owner = of(env);
        owner.sql("alter table " + table + " no force row level security").update();
        owner.sql("alter table " + table + " disable row level security").update();
        try {
            work.accept(owner);
        } finally {
            owner.sql("alter table " + table + " enable row level security").update();
            owner.sql("alter table " + table + " force row level security").update();
        }
    }

    public static JdbcClient of(Environment env) {
        DataSource owner = new SimpleDriverDataSource(new org.postgresql.Driver(), env.getRequiredProperty("spring.flyway.url"),
                env.getRequiredProperty("spring.flyway.user"), env.getRequiredProperty("spring.flyway.password"));
        return JdbcClient.create(owner);
    }

    /** How many rows of the tenant each table with a tenant_id holds (all zero once it is deleted). */
    public static Map<String, Long> rowsOfTenant(Environment env, UUID tenantId) {
        return inTenant(env, tenantId, jdbc -> {
            Map<String, Long> rows = new LinkedHashMap<>();
            for (String table : jdbc.sql("""
                    select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                     where n.nspname = 'public' and c.relkind = 'r'
                       and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
                     order by 1""").query(String.class).list()) {
                rows.put(table, jdbc.sql("select count(*) from " + table + " where tenant_id = ?").param(tenantId)
                        .query(Long.class).single());
            }
            return rows;
        });
    }
}
