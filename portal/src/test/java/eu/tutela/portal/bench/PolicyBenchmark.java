package eu.tutela.portal.bench;

import eu.tutela.policy.Lang;
import eu.tutela.policy.PolicyTemplates;
import eu.tutela.policy.variables.PolicyValues;
import eu.tutela.portal.policy.AcceptanceCounts;
import eu.tutela.portal.policy.DraftContent;
import eu.tutela.portal.policy.HemiPolicy;
import eu.tutela.portal.policy.PolicyAcceptances;
import eu.tutela.portal.policy.PolicyDraft;
import eu.tutela.portal.policy.PolicyDrafts;
import eu.tutela.portal.policy.PolicyPublication;
import eu.tutela.portal.policy.Preview;
import eu.tutela.portal.security.PortalUsers;
import eu.tutela.portal.security.SignedInAs;
import eu.tutela.portal.support.OwnerDatabase;
import eu.tutela.portal.tenancy.Memberships;
import eu.tutela.portal.tenancy.Tenant;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantDirectory;
import eu.tutela.portal.tenancy.TenantRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The figures of the privacy policy (docs/benchmarks.md): the editor's preview (server time from a changed
 * value to the new HTML, through the service with its role check; the library's rendering alone as the
 * baseline) and the public page's throughput on loopback (full page, ETag answer, and a static file of
 * the same server as the baseline). Prints {@code BENCH} lines; asserts nothing about time.
 * Runs only when named: {@code -Dit.test=PolicyBenchmark}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tutela.demo.enabled=false")
@ActiveProfiles("test")
class PolicyBenchmark {

    private static final int PREVIEWS = 300;
    private static final int MEMBERS = 100_000;

    @Autowired
    PolicyDrafts drafts;
    @Autowired
    PolicyPublication publication;
    @Autowired
    PolicyTemplates templates;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    Memberships memberships;
    @Autowired
    PortalUsers users;
    @Autowired
    PolicyAcceptances acceptances;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment env;
    @Autowired
    PlatformTransactionManager transactionManager;
    @LocalServerPort
    int port;

    @Test
    void previewAndPublicPage() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        Tenant school = tenants.ensure("bench-policy-" + run, "Bench School " + run, "FR", "fr");
        UUID admin = users.register("admin-" + run + "@bench-policy.example", "Bench Admin");
        TenantContext.runAs(school.id(), () -> memberships.grant(admin, TenantRole.ADMIN));
        Supplier<PolicyDraft> start = () -> drafts.start(HemiPolicy.TEMPLATE);
        PolicyDraft draft = as(admin, school, start);
        DraftContent content = HemiPolicy.filledIn(draft.content());

        List<Long> service = new ArrayList<>();
        List<Long> library = new ArrayList<>();
        for (int i = 0; i < PREVIEWS + 50; i++) {
            DraftContent changed = content.withValue("contact.phone", "+33 3 20 00 " + String.format("%02d %02d", i / 100, i % 100));
            long t0 = System.nanoTime();
            Preview preview = as(admin, school, () -> drafts.preview(HemiPolicy.TEMPLATE, changed, Lang.FR));
            long t1 = System.nanoTime();
            templates.render(new PolicyValues(HemiPolicy.TEMPLATE, "1", "2026-12-03", changed.values(), changed.clauses(), Map.of()), Lang.FR);
            long t2 = System.nanoTime();
            if (!preview.renderable()) {
                throw new IllegalStateException("The benchmark's values do not render: " + preview.problems());
            }
            if (i >= 50) {
                service.add(t1 - t0);
                library.add(t2 - t1);
            }
        }
        print("policy.preview.service", service);
        print("policy.preview.library-baseline", library);

        PolicyDraft filled = as(admin, school, () -> drafts.save(content, draft.revision()));
        as(admin, school, () -> publication.publish(filled.revision(), null, null));
        HttpClient http = HttpClient.newHttpClient();
        String page = "http://127.0.0.1:" + port + "/p/" + school.slug() + "/privacy?lang=fr";
        String etag = http.send(HttpRequest.newBuilder(URI.create(page)).build(), HttpResponse.BodyHandlers.ofString())
                .headers().firstValue("ETag").orElseThrow();
        throughput(http, "policy.public.page", HttpRequest.newBuilder(URI.create(page)).build(), 200);
        throughput(http, "policy.public.etag", HttpRequest.newBuilder(URI.create(page)).header("If-None-Match", etag).build(), 304);
        throughput(http, "policy.public.static-baseline",
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/styles/public-policy.css")).build(), 200);
    }

    /**
     * The acceptance dashboard of one version with 100,000 members and as many decisions (80 % accepted,
     * 5 % declined, the rest pending), through the service with its role check, against a plain count(*)
     * of the decisions of the same tenant as the baseline.
     */
    @Test
    void acceptanceDashboard() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        Tenant school = tenants.ensure("bench-accept-" + run, "Bench Acceptance " + run, "FR", "fr");
        UUID admin = users.register("admin-" + run + "@bench-accept.example", "Bench Admin");
        TenantContext.runAs(school.id(), () -> memberships.grant(admin, TenantRole.ADMIN));
        PolicyDraft draft = as(admin, school, () -> drafts.start(HemiPolicy.TEMPLATE));
        PolicyDraft filled = as(admin, school, () -> drafts.save(HemiPolicy.filledIn(draft.content()), draft.revision()));
        String hash = as(admin, school, () -> publication.publish(filled.revision(), null, null)).contentHashes().get("fr");

        long seeded = System.nanoTime();
        OwnerDatabase.inTenant(env, school.id(), jdbc -> jdbc.sql("""
                with people as (
                    insert into app_user (id, email, display_name, locale)
                    select gen_random_uuid(), 'member' || n || '@' || ? || '.example', 'Membre ' || n, 'fr'
                      from generate_series(1, ?) n
                    returning id),
                numbered as (select id, row_number() over () as n from people),
                members as (
                    insert into membership (tenant_id, id, user_id, role)
                    select ?, gen_random_uuid(), id, (array['STAFF', 'GUARDIAN', 'STUDENT', 'STUDENT', 'GUARDIAN'])[n % 5 + 1]
                      from numbered
                    returning user_id),
                decisions as (
                    insert into policy_acceptance (tenant_id, user_id, version_number, decision, lang, content_hash, text_shown, channel)
                    select ?, id, 1, case when n % 20 = 0 then 'DECLINED' else 'ACCEPTED' end, 'fr', ?, 'FULL', 'SIGN_IN'
                      from numbered where n % 100 < 85
                    returning user_id, decision)
                insert into policy_standing (tenant_id, user_id, accepted_version, decided_version)
                select ?, user_id, case when decision = 'ACCEPTED' then 1 end, 1 from decisions""")
                .params("bench-accept-" + run, MEMBERS, school.id(), school.id(), hash, school.id()).update());
        // As autovacuum leaves them: statistics and visibility maps up to date.
        OwnerDatabase.of(env).sql("vacuum analyze membership, policy_acceptance, policy_standing, app_user").update();
        System.out.printf(Locale.ROOT, "BENCH policy.acceptance.seed members=%d ms=%d%n", MEMBERS, (System.nanoTime() - seeded) / 1_000_000);

        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        transactions.setReadOnly(true);
        List<Long> dashboard = new ArrayList<>();
        List<Long> count = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            long t0 = System.nanoTime();
            List<AcceptanceCounts> counts = as(admin, school, () -> acceptances.dashboard(1));
            long t1 = System.nanoTime();
            long rows = TenantContext.callAs(school.id(), () -> transactions.execute(
                    tx -> jdbc.sql("select count(*) from policy_acceptance").query(Long.class).single()));
            long t2 = System.nanoTime();
            if (counts.stream().mapToInt(AcceptanceCounts::total).sum() != MEMBERS + 1 || rows < MEMBERS * 0.85) {
                throw new IllegalStateException("The dashboard does not count every member: " + counts + ", " + rows);
            }
            if (i >= 5) {
                dashboard.add(t1 - t0);
                count.add(t2 - t1);
            }
        }
        print("policy.acceptance.dashboard", dashboard);
        print("policy.acceptance.count-baseline", count);
    }

    private static void throughput(HttpClient http, String name, HttpRequest request, int expected) throws Exception {
        for (int i = 0; i < 200; i++) {
            http.send(request, HttpResponse.BodyHandlers.discarding());
        }
        long end = System.nanoTime() + 5_000_000_000L;
        long start = System.nanoTime();
        int count = 0;
        while (System.nanoTime() < end) {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != expected) {
                throw new IllegalStateException(name + " answered " + status);
            }
            count++;
        }
        System.out.printf("BENCH %s %.0f requests/s (one client on loopback)%n", name, count / ((System.nanoTime() - start) / 1e9));
    }

    private static void print(String name, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf("BENCH %s.median %.2f ms%n", name, sorted.get(sorted.size() / 2) / 1e6);
        System.out.printf("BENCH %s.p95 %.2f ms%n", name, sorted.get((int) (sorted.size() * 0.95)) / 1e6);
    }

    private static <T> T as(UUID person, Tenant school, Supplier<T> work) {
        return SignedInAs.inTenant(person, school, work);
    }
}
