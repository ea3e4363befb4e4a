package eu.tutela.portal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import eu.tutela.portal.support.OwnerDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Reads the migrated schema from PostgreSQL's catalog: every tenant-owned table (one with a
 * {@code tenant_id} column) is ready to be distributed by tenant on Citus and is guarded by row-level
 * security. A table added later that breaks a rule fails here, by name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CitusReadySchemaIT {

    private static final Path CITUS = Path.of("..", "ops", "citus-distribution.sql");

    @Autowired
    Environment env;

    @Test
    void theCatalogKnowsTheTenantOwnedTables() {
        assertThat(tenantOwnedTables()).contains("membership", "audit_entry", "outbound_mail", "job_run", "invitation");
    }

    @Test
    void everyTenantOwnedTableHasTenantIdFirstInItsPrimaryKey() {
        List<String> offenders = OwnerDatabase.of(env).sql("""
                        select c.relname
                          from pg_class c
                          join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
                          left join pg_constraint pk on pk.conrelid = c.oid and pk.contype = 'p'
                         where c.relkind = 'r'
                           and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
                           and (pk.oid is null
                                or (select a.attname from pg_attribute a where a.attrelid = c.oid and a.attnum = pk.conkey[1]) <> 'tenant_id')
                         order by 1""")
                .query(String.class).list();
        assertThat(offenders).as("tenant-owned tables without tenant_id first in the primary key").isEmpty();
    }

    @Test
    void everyForeignKeyBetweenTenantOwnedTablesCarriesTenantId() {
        List<String> offenders = OwnerDatabase.of(env).sql("""
                        select fk.conname
                          from pg_constraint fk
                          join pg_class src on src.oid = fk.conrelid
                          join pg_class dst on dst.oid = fk.confrelid
                         where fk.contype = 'f'
                           and exists (select 1 from pg_attribute a where a.attrelid = src.oid and a.attname = 'tenant_id' and not a.attisdropped)
                           and exists (select 1 from pg_attribute a where a.attrelid = dst.oid and a.attname = 'tenant_id' and not a.attisdropped)
                           and not exists (
                               select 1 from unnest(fk.conkey, fk.confkey) as k(src_col, dst_col)
                                 join pg_attribute sa on sa.attrelid = src.oid and sa.attnum = k.src_col
                                 join pg_attribute da on da.attrelid = dst.oid and da.attnum = k.dst_col
                                where sa.attname = 'tenant_id' and da.attname = 'tenant_id')
                         order by 1""")
                .query(String.class).list();
        assertThat(offenders).as("foreign keys between tenant-owned tables that omit tenant_id").isEmpty();
    }

    @Test
    void everyTenantOwnedTableHasForcedRowLevelSecurityWithAPolicyOnTheTenant() {
        List<String> offenders = OwnerDatabase.of(env).sql("""
                        select c.relname
                          from pg_class c
                          join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
                         where c.relkind = 'r'
                           and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
                           and not (c.relrowsecurity and c.relforcerowsecurity
                                    and exists (select 1 from pg_policy p where p.polrelid = c.oid
                                                  and pg_get_expr(p.polqual, p.polrelid) like '%current_tenant_id()%'))
                         order by 1""")
                .query(String.class).list();
        assertThat(offenders).as("tenant-owned tables without forced row-level security on current_tenant_id()").isEmpty();
    }

    @Test
    void theCitusStatementsOfTheOperationsGuideDistributeTheSchemaAsItIs() throws IOException {
        String statements = Files.readString(CITUS);
        List<String> distributed = matches(statements, "create_distributed_table\\('(\\w+)', 'tenant_id'\\)");
        List<String> reference = matches(statements, "create_reference_table\\('(\\w+)'\\)");
        List<String> local = matches(statements, "-- local: (\\w+) \\(");
        JdbcClient owner = OwnerDatabase.of(env);
        List<String> tables = owner.sql("""
                        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
                         where c.relkind in ('r', 'p') order by 1""").query(String.class).list();

        assertThat(distributed).as("tables distributed by tenant_id").containsExactlyInAnyOrderElementsOf(tenantOwnedTables());
        List<String> named = new ArrayList<>(distributed);
        named.addAll(reference);
        named.addAll(local);
        assertThat(named).as("every table of the schema, once, in " + CITUS).containsExactlyInAnyOrderElementsOf(tables);

        // Citus accepts a foreign key from a distributed table to a reference or colocated distributed table, from a
        // reference table to a reference table, and distributes a table only once the tables it refers to are.
        List<String> order = new ArrayList<>(reference);
        order.addAll(distributed);
        owner.sql("""
                        select src.relname, dst.relname from pg_constraint fk
                          join pg_class src on src.oid = fk.conrelid join pg_class dst on dst.oid = fk.confrelid
                         where fk.contype = 'f' and src.oid <> dst.oid""")
                .query((rs, row) -> List.of(rs.getString(1), rs.getString(2))).list()
                .forEach(fk -> {
                    String from = fk.get(0);
                    String to = fk.get(1);
                    if (local.contains(from)) {
                        return;
                    }
                    assertThat(order).as(from + " refers to " + to + ", which Citus must know first").contains(to);
                    assertThat(order.indexOf(to)).as(to + " before " + from).isLessThan(order.indexOf(from));
                    if (reference.contains(from)) {
                        assertThat(reference).as("a reference table refers only to reference tables: " + from + " to " + to).contains(to);
                    }
                });

        List<String> uniqueWithoutTenant = owner.sql("""
                        select c.relname || '.' || i.relname from pg_index x
                          join pg_class i on i.oid = x.indexrelid join pg_class c on c.oid = x.indrelid
                          join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
                         where x.indisunique and c.relname::text = any (?::text[])
                           and not exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id'
                                             and a.attnum = any (x.indkey))
                         order by 1""").param(distributed.toArray(String[]::new)).query(String.class).list();
        assertThat(uniqueWithoutTenant).as("unique indexes of distributed tables without tenant_id (Citus cannot enforce them)").isEmpty();
    }

    private static List<String> matches(String text, String regex) {
        return Pattern.compile(regex).matcher(text).results().map(m -> m.group(1)).toList();
    }

    private List<String> tenantOwnedTables() {
        return OwnerDatabase.of(env).sql("""
                        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
                         where c.relkind = 'r'
                           and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)""")
                .query(String.class).list();
    }
}
