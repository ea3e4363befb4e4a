package eu.tutela.portal.rights;

import eu.tutela.portal.jobs.JobContext;
import eu.tutela.portal.people.Person;
import eu.tutela.portal.people.PersonKind;
import eu.tutela.portal.security.SignedInAs;
import eu.tutela.portal.security.SystemWork;
import eu.tutela.portal.support.OwnerDatabase;
import eu.tutela.portal.support.School;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantRole;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.test.context.ActiveProfiles;

/**
 * The figure of the rights issue (docs/benchmarks.md, "Rights requests"): building the access archive of one subject
 * with 10,000 records across modules (mails, audit entries, mailings), median and p95 of 20 builds, and the heap one build
 * takes as the records grow from 1,000 to 100,000 (peak of the used heap above what it was before, sampled every 2 ms);
 * the baseline, a {@code COPY (…) TO STDOUT} of the same rows, read and thrown away, median and p95 of 20. Seeded
 * through the owner's SQL, built through {@link ArchiveBuilder} as its job runs it (system work bound to the
 * institution: the providers, the zip, its chunks in the database). Prints {@code BENCH} lines; asserts nothing about
 * time. Not a test: its name matches neither surefire's nor failsafe's patterns, so it runs only when named:
 * {@code -Dit.test=ArchiveBenchmark}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tutela.demo.enabled=false")
@ActiveProfiles("test")
class ArchiveBenchmark {

    private static final int RUNS = 20;
    private static final int[] SIZES = {1_000, 10_000, 100_000};

    @Autowired
    ApplicationContext context;
    @Autowired
    ArchiveBuilder builder;
    @Autowired
    RightsRequests requests;
    @Autowired
    Environment env;

    @AfterEach
    void signOut() {
        SignedInAs.nobody();
    }

    @Test
    void buildingTheAccessArchive() throws Exception {
        School school = new School(context, "bench-archive", "Lycée Archives");
        for (int size : SIZES) {
            Person student = school.register(PersonKind.STUDENT, "Léa", "Archive", LocalDate.now().minusYears(19), "lea" + size);
            UUID account = school.withAccount(student, "lea" + size, TenantRole.STUDENT);
            seed(school, student, account, size);
            RightsRequest request = school.as(account, () -> requests.submit(student.id(), RequestType.ACCESS, "Tout."));
            int runs = size == 10_000 ? RUNS : 5;
            List<Double> seconds = new ArrayList<>();
            List<Long> heap = new ArrayList<>();
            long liveHeap = 0;
            long bytes = 0;
            for (int run = 0; run < runs + 4; run++) {
                UUID archive = UUID.randomUUID();
                OwnerDatabase.inTenant(env, school.tenant.id(), owner -> owner.sql("""
                        insert into rights_archive (tenant_id, id, request_id, status, run_id) values (current_tenant_id(), ?, ?, 'BUILDING', ?)""")
                        .params(archive, request.id(), UUID.randomUUID()).update());
                Work build = () -> SystemWork.call(() -> TenantContext.callAs(school.tenant.id(), () -> build(school, archive)));
                if (run >= runs + 2) {
                    // The last two: what a build keeps alive, under repeated full collections.
                    liveHeap = Math.max(liveHeap, live(build));
                    continue;
                }
                Sampled built = sampled(build);
                if (run >= 2) {
                    // The first two warm the code paths up.
                    seconds.add(built.seconds());
                    heap.add(built.peakHeap());

                }
                bytes = OwnerDatabase.inTenant(env, school.tenant.id(), owner -> owner.sql("select size_bytes from rights_archive where id = ?")
                        .param(archive).query(Long.class).single());
            }
            long records = OwnerDatabase.inTenant(env, school.tenant.id(), owner -> owner.sql(
                    "select records from rights_archive where request_id = ? order by created_at desc limit 1").param(request.id())
                    .query(Long.class).single());
            System.out.printf(Locale.ROOT, "BENCH rights.archive.%d.median %.3f s (%d builds; %d records in the archive, %.1f MB zip)%n", size,
                    percentile(seconds, 50), seconds.size(), records, bytes / 1e6);
            System.out.printf(Locale.ROOT, "BENCH rights.archive.%d.p95 %.3f s%n", size, percentile(seconds, 95));
            System.out.printf(Locale.ROOT, "BENCH rights.archive.%d.heap-peak %.1f MB (median of the builds' peak used heap above the start, "
                    + "garbage not yet collected included)%n", size, percentile(heap.stream().map(h -> h / 1e6).toList(), 50));
            System.out.printf(Locale.ROOT, "BENCH rights.archive.%d.heap-live %.1f MB (the most the heap held after a full collection, every "
                    + "50 ms of two more builds, above what it held before)%n", size, liveHeap / 1e6);

            List<Double> copies = new ArrayList<>();
            for (int run = 0; run < runs + 2; run++) {
                long start = System.nanoTime();
                copy(school.tenant.id(), student, account);
                if (run >= 2) {
                    copies.add((System.nanoTime() - start) / 1e9);
                }
            }
            System.out.printf(Locale.ROOT, "BENCH rights.archive.%d.copy-baseline.median %.3f s (COPY … TO STDOUT of the same rows, as the owner)%n",
                    size, percentile(copies, 50));
            System.out.printf(Locale.ROOT, "BENCH rights.archive.%d.copy-baseline.p95 %.3f s%n", size, percentile(copies, 95));
        }
    }

    private String build(School school, UUID archive) {
        try {
            return builder.build(archive, new Quiet(school.tenant.id(), archive));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** 40 % mails to the subject, 40 % audit entries about them, 20 % mailings they received. */
    private void seed(School school, Person student, UUID account, int size) {
        int mails = size * 2 / 5;
        int audits = size * 2 / 5;
        int mailings = size - mails - audits;
        OwnerDatabase.inTenant(env, school.tenant.id(), owner -> {
            owner.sql("""
                    insert into outbound_mail (tenant_id, id, recipient, locale, subject, text_body, html_body, sent_at)
                    select current_tenant_id(), gen_random_uuid(), ?, 'fr', 'Nouvelles du lycée n°' || i,
                           repeat('Bonjour Léa, voici les nouvelles de la semaine. ', 4) || i, '<p>' || i || '</p>', now()
                      from generate_series(1, ?) i""").params(student.email(), mails).update();
            long seq = owner.sql("select coalesce(max(seq), 0) from audit_entry").query(Long.class).single();
            owner.sql("""
                    insert into audit_entry (tenant_id, seq, occurred_at, actor_id, actor_label, action, subject_type, subject_id, subject_label,
                                             summary, previous_hash, hash)
                    select current_tenant_id(), ? + i, now(), ?, 'admin', 'person.updated', 'person', ?, 'Léa Archive',
                           'class: 5e A → 4e B (' || i || ')', 'bench', 'bench'
                      from generate_series(1, ?) i""").params(seq, school.admin, student.id().toString(), audits).update();
            owner.sql("""
                    with m as (
                        insert into mailing (tenant_id, id, purpose_code, audience, subject, body, created_by, run_id)
                        select current_tenant_id(), gen_random_uuid(), 'news-and-offers', 'STUDENTS', 'Lettre n°' || i, 'Les nouvelles.', ?,
                               gen_random_uuid()
                          from generate_series(1, ?) i returning id)
                    insert into mailing_recipient (tenant_id, mailing_id, person_id, outcome)
                    select current_tenant_id(), m.id, ?, 'SENT' from m""").params(school.admin, mailings, student.id()).update();
            return null;
        });
        OwnerDatabase.of(env).sql("vacuum analyze outbound_mail, audit_entry, mailing, mailing_recipient").update();
    }

    /** The baseline: the same rows the three providers read, copied out as PostgreSQL's text format and thrown away. */
    private void copy(UUID tenantId, Person student, UUID account) throws Exception {
        DataSource owner = new SimpleDriverDataSource(new org.postgresql.Driver(), env.getRequiredProperty("spring.flyway.url"),
                env.getRequiredProperty("spring.flyway.user"), env.getRequiredProperty("spring.flyway.password"));
        try (Connection connection = owner.getConnection()) {
            connection.createStatement().execute("select set_config('tutela.tenant_id', '" + tenantId + "', false)");
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            copy.copyOut("copy (select recipient, locale, subject, text_body, created_at, sent_at from outbound_mail where lower(recipient) = lower('"
                    + student.email() + "')) to stdout", OutputStream.nullOutputStream());
            copy.copyOut("copy (select occurred_at, actor_label, action, subject_type, subject_label, summary from audit_entry where subject_id = '"
                    + student.id() + "' or actor_id = '" + account + "') to stdout", OutputStream.nullOutputStream());
            copy.copyOut("copy (select m.subject, m.purpose_code, m.created_at, r.outcome, r.unsubscribed_at from mailing_recipient r join mailing m "
                    + "on m.tenant_id = r.tenant_id and m.id = r.mailing_id where r.person_id = '" + student.id() + "') to stdout",
                    OutputStream.nullOutputStream());
        }
    }

    /** The time, and the peak of the used heap above the start (garbage not yet collected included). */
    private record Sampled(double seconds, long peakHeap) {
    }

    private interface Work {
        void run() throws Exception;
    }

    /** The work timed, the used heap sampled every 2 ms meanwhile. */
    private static Sampled sampled(Work work) throws Exception {
        return watched(work, false);
    }

    /**
     * What the work keeps alive: a full collection every 50 ms while it runs, and the most the heap still held after
     * one, above what it held before (flat when the work streams). Slows the work down: timed apart.
     */
    private static long live(Work work) throws Exception {
        return watched(work, true).peakHeap();
    }

    private static Sampled watched(Work work, boolean collect) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        AtomicBoolean done = new AtomicBoolean();
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!done.get()) {
                if (collect) {
                    System.gc();
                }
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(collect ? 50 : 2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long start = System.nanoTime();
        try {
            work.run();
        } finally {
            done.set(true);
            sampler.join();
        }
        return new Sampled((System.nanoTime() - start) / 1e9, Math.max(0, peak.get() - before));
    }

    private static double percentile(List<Double> values, int percent) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    /** A job's context with nobody watching: progress and outcome go nowhere. */
    private record Quiet(UUID tenantId, UUID runId) implements JobContext {

        @Override
        public String parameters() {
            return runId.toString();
        }

        @Override
        public void progress(long done, Long total) {
        }

        @Override
        public void outcome(String outcome) {
        }
    }
}
