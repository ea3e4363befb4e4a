package eu.tutela.portal.bench;

import eu.tutela.portal.audit.AuditFilter;
import eu.tutela.portal.audit.AuditTrail;
import eu.tutela.portal.audit.ChainVerification;
import eu.tutela.portal.audit.MillionEntryChain;
import eu.tutela.portal.notification.Mail;
import eu.tutela.portal.notification.Outbox;
import eu.tutela.portal.security.PortalUsers;
import eu.tutela.portal.security.SignedInAs;
import eu.tutela.portal.support.CaughtMail;
import eu.tutela.portal.support.OwnerDatabase;
import eu.tutela.portal.tenancy.AuditedChange;
import eu.tutela.portal.tenancy.Memberships;
import eu.tutela.portal.tenancy.Tenant;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantDirectory;
import eu.tutela.portal.tenancy.TenantRole;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The figures of "a tenant runs itself" (docs/benchmarks.md), against the real PostgreSQL and SMTP
 * server of the test set-up. Prints {@code BENCH} lines; asserts nothing about time. Not a test: its
 * name matches neither surefire's nor failsafe's patterns, so it runs only when named:
 * {@code ./mvnw -pl portal -am verify -Dtest=None -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=FoundationsBenchmark}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tutela.demo.enabled=false")
@ActiveProfiles("test")
class FoundationsBenchmark {

    @Autowired
    AuditTrail trail;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    PortalUsers users;
    @Autowired
    Memberships memberships;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Outbox outbox;
    @Autowired
    JavaMailSender mailSender;
    @Autowired
    Environment env;

    @Test
    void auditPageQueryWithOneTenantAndWithTenThousand() {
        Tenant measured = tenants.ensure("bench-audit-page", "Bench Audit Page", "FR", "fr");
        UUID dpo = users.register("dpo@bench-audit-page.example", "Dana Dpo");
        TenantContext.runAs(measured.id(), () -> memberships.grant(dpo, TenantRole.DPO));
        List<UUID> actors = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID actor = users.register("actor" + i + "@bench-audit-page.example", "Actor " + i);
            TenantContext.runAs(measured.id(), () -> memberships.grant(actor, TenantRole.STAFF));
            actors.add(actor);
        }
        for (int i = 0; i < 100; i++) {
            UUID actor = actors.get(i % actors.size());
            eu.tutela.portal.tenancy.ActingPerson.runAs(actor, () -> record(measured.id(), "person.changed"));
        }
        AuditFilter byActor = new AuditFilter(null, null, actors.getFirst(), null, null);
        SignedInAs.person(dpo, measured.slug());
        double alone = medianMillis(300, () -> TenantContext.callAs(measured.id(), () -> trail.page(byActor, 0, 50)));
        System.out.printf(Locale.ROOT, "BENCH audit.page.1-tenant %.3f ms%n", alone);

        SignedInAs.nobody();
        long start = System.nanoTime();
        OwnerDatabase.of(env).sql("""
                do $$ begin
                  insert into tenant (id, slug, name, country)
                  select gen_random_uuid(), 'bench-crowd-' || g, 'Crowd ' || g, 'FR' from generate_series(1, 9999) g
                  on conflict (slug) do nothing;
                  alter table audit_entry no force row level security;
                  alter table audit_entry disable row level security;
                  insert into audit_entry (tenant_id, seq, occurred_at, actor_id, actor_label, action, subject_type, subject_id,
                                           subject_label, summary, previous_hash, hash)
                  select t.id, s, now() - (s || ' minutes')::interval, t.id, 'Someone', 'person.changed', 'person', s::text,
                         'Person ' || s, '{}', repeat('0', 64), repeat('0', 64)
                    from tenant t cross join generate_series(1, 100) s
                   where t.slug like 'bench-crowd-%'
                  on conflict do nothing;
                  alter table audit_entry enable row level security;
                  alter table audit_entry force row level security;
                end $$""").update();
        OwnerDatabase.of(env).sql("analyze audit_entry").update();
        AtomicLong rows = new AtomicLong();
        OwnerDatabase.withoutRowSecurity(env, "audit_entry", owner -> rows.set(owner.sql(
                "select count(*) from audit_entry where tenant_id in (select id from tenant where slug like 'bench-crowd-%')")
                .query(Long.class).single()));
        System.out.printf(Locale.ROOT, "BENCH audit.page.crowd-rows %d entries (loaded in %.1f s)%n", rows.get(), (System.nanoTime() - start) / 1e9);

        SignedInAs.person(dpo, measured.slug());
        double crowded = medianMillis(300, () -> TenantContext.callAs(measured.id(), () -> trail.page(byActor, 0, 50)));
        SignedInAs.nobody();
        System.out.printf(Locale.ROOT, "BENCH audit.page.10000-tenants %.3f ms%n", crowded);
        System.out.printf(Locale.ROOT, "BENCH audit.page.ratio %.2f x (goal <= 1.2)%n", crowded / alone);
    }

    @Test
    void auditAppendThroughputWithFourWritersAndOne() throws Exception {
        Tenant single = tenants.ensure("bench-append-1", "Bench Append 1", "FR", "fr");
        double one = appendsPerSecond(single, 1, 5);
        System.out.printf(Locale.ROOT, "BENCH audit.append.1-writer %.0f entries/s (baseline)%n", one);
        Tenant shared = tenants.ensure("bench-append-4", "Bench Append 4", "FR", "fr");
        double four = appendsPerSecond(shared, 4, 10);
        System.out.printf(Locale.ROOT, "BENCH audit.append.4-writers %.0f entries/s%n", four);
        ChainVerification verification = TenantContext.callAs(shared.id(), trail::verify);
        System.out.printf(Locale.ROOT, "BENCH audit.append.4-writers.chain %s %d entries%n", verification.intact() ? "intact" : "BROKEN",
                verification.checked());
    }

    @Test
    void verifyingAMillionEntries() {
        Tenant big = tenants.ensure("bench-verify-1m", "Bench Verify 1M", "FR", "fr");
        long start = System.nanoTime();
        MillionEntryChain.write(env, big.id(), 1_000_000);
        System.out.printf(Locale.ROOT, "BENCH audit.verify.load %.1f s for 1000000 entries (set-up)%n", (System.nanoTime() - start) / 1e9);
        long readStart = System.nanoTime();
        long read = OwnerDatabase.inTenant(env, big.id(), db -> db.sql("select count(*) from (select summary, hash from audit_entry) e")
                .query(Long.class).single());
        System.out.printf(Locale.ROOT, "BENCH audit.verify.scan-baseline %.2f s (%d rows read by the database alone)%n",
                (System.nanoTime() - readStart) / 1e9, read);
        long verifyStart = System.nanoTime();
        ChainVerification result = TenantContext.callAs(big.id(), trail::verify);
        System.out.printf(Locale.ROOT, "BENCH audit.verify.1000000 %.2f s (%s, %d entries)%n", (System.nanoTime() - verifyStart) / 1e9,
                result.intact() ? "intact" : "BROKEN at " + result.firstBrokenSeq(), result.checked());
    }

    @Test
    void outboxFromCommitToSmtpReceipt() throws Exception {
        Tenant tenant = tenants.ensure("bench-outbox", "Bench Outbox", "FR", "fr");
        // Baseline: the SMTP round trip alone, sending directly.
        List<Double> direct = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            MimeMessage message = mailSender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom("bench@tutela.example");
            helper.setTo("direct" + i + "@bench-outbox.example");
            helper.setSubject("Direct " + i);
            helper.setText("text", "<p>html</p>");
            long t0 = System.nanoTime();
            mailSender.send(message);
            direct.add((System.nanoTime() - t0) / 1e6);
        }
        System.out.printf(Locale.ROOT, "BENCH outbox.direct-send.median %.1f ms (baseline)%n", percentile(direct, 50));

        Map<String, Long> committedAt = new ConcurrentHashMap<>();
        Map<String, Long> receivedAt = new ConcurrentHashMap<>();
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread watcher = Thread.ofPlatform().start(() -> {
            while (watching.get()) {
                long now = System.nanoTime();
                for (MimeMessage m : CaughtMail.server().received()) {
                    String id = CaughtMail.header(m, "X-Tutela-Mail");
                    if (id != null && committedAt.containsKey(id)) {
                        receivedAt.putIfAbsent(id, now);
                    }
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        int messages = 1_000;
        long pace = TimeUnit.MILLISECONDS.toNanos(20); // 50 messages a second, as a busy September morning would send
        long start = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            String to = "parent" + i + "@bench-outbox.example";
            UUID id = TenantContext.callAs(tenant.id(), () -> transactions.execute(s -> outbox.send(new Mail(to, Locale.FRENCH,
                    Mail.text("invitation.mail.subject", "Bench"), List.of(Mail.text("invitation.mail.how")), null, null))));
            committedAt.put(id.toString(), System.nanoTime());
            long next = start + (i + 1) * pace;
            while (System.nanoTime() < next) {
                Thread.onSpinWait();
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (receivedAt.size() < messages && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        watching.set(false);
        watcher.join();
        List<Double> latencies = committedAt.entrySet().stream().filter(e -> receivedAt.containsKey(e.getKey()))
                .map(e -> (receivedAt.get(e.getKey()) - e.getValue()) / 1e6).toList();
        System.out.printf(Locale.ROOT, "BENCH outbox.commit-to-smtp.received %d of %d messages%n", latencies.size(), messages);
        System.out.printf(Locale.ROOT, "BENCH outbox.commit-to-smtp.median %.0f ms%n", percentile(latencies, 50));
        System.out.printf(Locale.ROOT, "BENCH outbox.commit-to-smtp.p95 %.0f ms%n", percentile(latencies, 95));
    }

    private double appendsPerSecond(Tenant tenant, int writers, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        AtomicLong appended = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Future<?>> running = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < writers; w++) {
            running.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    record(tenant.id(), "person.changed");
                    appended.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        return appended.get() / ((System.nanoTime() - start) / 1e9);
    }

    private void record(UUID tenant, String action) {
        TenantContext.runAs(tenant, () -> transactions.executeWithoutResult(s -> events.publishEvent(
                AuditedChange.of(action, "person", UUID.randomUUID(), "Someone", Map.of("grade", "5e"), Map.of("grade", "4e")))));
    }

    private static double medianMillis(int runs, Runnable work) {
        for (int i = 0; i < 50; i++) {
            work.run();
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            work.run();
            times.add((System.nanoTime() - t0) / 1e6);
        }
        return percentile(times, 50);
    }

    private static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

}
