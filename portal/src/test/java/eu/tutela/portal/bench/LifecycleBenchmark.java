package eu.tutela.portal.bench;

import eu.tutela.portal.security.IdentityProvider;
import eu.tutela.portal.support.OwnerDatabase;
import eu.tutela.tenantadmin.keycloak.KeycloakDirectory;
import eu.tutela.tenantadmin.lifecycle.Deleted;
import eu.tutela.tenantadmin.lifecycle.ExportProgress;
import eu.tutela.tenantadmin.lifecycle.ExportResult;
import eu.tutela.tenantadmin.lifecycle.Provisioned;
import eu.tutela.tenantadmin.lifecycle.TenantLifecycle;
import eu.tutela.tenantadmin.lifecycle.TenantSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The figures of the tenant lifecycle (docs/benchmarks.md) against the real PostgreSQL and Keycloak of the test set-up:
 * provisioning (median of 20, with a bare Keycloak organization as the baseline), and export and delete of a tenant
 * with 10,000 people (an account and a membership each). Prints {@code BENCH} lines; asserts nothing about time.
 * Runs only when named: {@code -Dit.test=LifecycleBenchmark}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"tutela.demo.enabled=false",
        // The portal's own background clean-up would share the work being measured.
        "tutela.platform.cleanup-interval=1h"})
@ActiveProfiles("test")
class LifecycleBenchmark {

    private static final String OPERATOR = "bench@tutela.example";
    private static final int PEOPLE = 10_000;

    @Autowired
    DataSource dataSource;
    @Autowired
    IdentityProvider identity;
    @Autowired
    Environment env;

    @Test
    void provisioningExportAndDelete() throws Exception {
        KeycloakDirectory directory = identity.awaitDirectory(Duration.ofMinutes(2));
        TenantLifecycle lifecycle = new TenantLifecycle(dataSource, directory);
        String run = UUID.randomUUID().toString().substring(0, 6);

        List<Long> baseline = new ArrayList<>();
        List<Long> provisioning = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            long start = System.nanoTime();
            String organization = directory.ensureOrganization("bench-bare-" + run + "-" + i, "Bare " + i);
            long bare = System.nanoTime() - start;
            directory.deleteOrganization(organization);
            start = System.nanoTime();
            lifecycle.create(spec("bench-" + run + "-" + i), OPERATOR);
            long full = System.nanoTime() - start;
            if (i > 0) { // the first of each warms the connections up
                baseline.add(bare);
                provisioning.add(full);
            }
        }
        print("provisioning", "median of 20 (claim, Keycloak organization, activation, platform audit)", provisioning);
        print("baseline-keycloak-organization", "median of 20 (one organization created in Keycloak, nothing else)", baseline);

        String slug = "bench-people-" + run;
        Provisioned tenant = lifecycle.create(spec(slug), OPERATOR);
        long seeded = System.nanoTime();
        OwnerDatabase.inTenant(env, tenant.tenantId(), jdbc -> jdbc.sql("""
                with people as (
                    insert into app_user (id, email, display_name, locale)
                    select gen_random_uuid(), 'person' || n || '@' || ? || '.example',
                           'Personne ' || n || ' de Test-Longuenom', case when n % 3 = 0 then 'en' else 'fr' end
                      from generate_series(1, ?) n
                    returning id)
                insert into membership (tenant_id, id, user_id, role)
                select ?, gen_random_uuid(), id, 'STAFF' from people""")
                .params(slug, PEOPLE, tenant.tenantId()).update());
        System.out.printf(Locale.ROOT, "BENCH seed-people people=%d ms=%d%n", PEOPLE, (System.nanoTime() - seeded) / 1_000_000);

        Path zip = Files.createTempFile("bench-export", ".zip");
        long start = System.nanoTime();
        ExportResult export = lifecycle.export(slug, OPERATOR, zip, true, ExportProgress.NONE);
        long exportMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(Locale.ROOT, "BENCH export rows=%d tables=%d bytes=%d ms=%d (stored in the database too)%n",
                export.rows(), export.tables(), export.sizeBytes(), exportMs);

        // The deletion itself, with Keycloak out of reach (nothing answers on the discard port): the rows go in one
        // transaction and the Keycloak steps are recorded, as when Keycloak is down; then those steps, measured apart.
        try (KeycloakDirectory away = new KeycloakDirectory("http://127.0.0.1:9", "nobody", "nothing")) {
            start = System.nanoTime();
            Deleted deleted = new TenantLifecycle(dataSource, away).delete(slug, OPERATOR);
            System.out.printf(Locale.ROOT, "BENCH delete accounts=%d ms=%d (every row of the tenant in one transaction; "
                    + "Keycloak steps recorded: %d)%n", deleted.accountsRemoved(), (System.nanoTime() - start) / 1_000_000,
                    deleted.directoryWorkRemaining());
        }
        start = System.nanoTime();
        int left = lifecycle.cleanUpDirectory();
        long cleanupMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(Locale.ROOT, "BENCH directory-cleanup steps=%d ms=%d per-second=%.0f left=%d (the organization, then "
                + "each account looked up in Keycloak and removed if there)%n", PEOPLE + 1, cleanupMs,
                (PEOPLE + 1) * 1000.0 / Math.max(1, cleanupMs), left);
        Files.deleteIfExists(zip);
    }

    private static TenantSpec spec(String slug) {
        return new TenantSpec(slug, "École " + slug, "FR", List.of("fr", "en"), "Europe/Paris", null, "admin@" + slug + ".example");
    }

    private static void print(String name, String what, List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "BENCH %s median=%.1fms p90=%.1fms min=%.1fms max=%.1fms — %s%n", name,
                sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.9)) / 1e6, sorted.getFirst() / 1e6,
                sorted.getLast() / 1e6, what);
    }
}
