package eu.tutela.portal.bench;

import eu.tutela.portal.consent.Channel;
import eu.tutela.portal.consent.ConsentPurpose;
import eu.tutela.portal.consent.ConsentPurposes;
import eu.tutela.portal.consent.ConsentService;
import eu.tutela.portal.consent.FamilyInvitations;
import eu.tutela.portal.notification.Mail;
import eu.tutela.portal.notification.Outbox;
import eu.tutela.portal.policy.HemiPolicy;
import eu.tutela.portal.policy.PolicyDraft;
import eu.tutela.portal.policy.PolicyDrafts;
import eu.tutela.portal.policy.PolicyPublication;
import eu.tutela.portal.security.Caller;
import eu.tutela.portal.security.PortalUsers;
import eu.tutela.portal.security.SignedInAs;
import eu.tutela.portal.support.CaughtMail;
import eu.tutela.portal.support.OwnerDatabase;
import eu.tutela.portal.tenancy.Memberships;
import eu.tutela.portal.tenancy.Tenant;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantDirectory;
import eu.tutela.portal.tenancy.TenantRole;
import eu.tutela.portal.tenancy.TenantSettings;
import eu.tutela.portal.tenancy.TenantSettingsService;
import jakarta.mail.internet.MimeMessage;
import java.sql.Array;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The figures of "Guardian consent for minors" (docs/benchmarks.md), against the real PostgreSQL and SMTP server of the
 * test set-up, on a fresh tenant per run:
 * <ol>
 * <li>"Invite all pending" for 3,000 minors with 5,000 guardians: the time {@link FamilyInvitations#invitePending} takes
 * as an ADMIN (5,000 invitations and their mails queued in one transaction), then until the SMTP server has received
 * every mail; the baseline, the outbox alone queueing 5,000 plain {@link Mail}s in one transaction and delivering them.
 * <li>{@link ConsentService#allows} with 1,000,000 consent decisions in the tenant (100,000 people, ten decisions each):
 * median and p99 of 4 threads calling it on random minors and persons of age, with {@link Channel#EMAIL} and without a
 * channel, as background work calls it (a mailing) and as a signed-in ADMIN; the baseline, one read-only transaction
 * running the select of the latest decisions of one person that {@code allows} runs (the tenant's JdbcClient). The
 * variants take turns in short bursts; each is also measured alone on one thread. To say where the time goes: the
 * tables one call reads, the plans of its two main queries, the method-security check alone, and a sketch of the fix
 * (everything {@code allows} reads in one statement, checked to give the same answers), measured the same way.
 * </ol>
 * Seeded through the owner's SQL, measured through the services (their method security and transactions). Prints
 * {@code BENCH} lines; asserts nothing about time. Not a test: its name matches neither surefire's nor failsafe's
 * patterns, so it runs only when named: {@code -Dit.test=ConsentBenchmark}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tutela.demo.enabled=false")
@ActiveProfiles("test")
class ConsentBenchmark {

    private static final int INVITE_MINORS = 3_000;
    private static final int INVITE_GUARDIANS = 5_000;

    private static final int MINORS = 30_000;
    private static final int GUARDIANS = 45_000;
    private static final int OF_AGE = 25_000;
    private static final int DECISIONS = 1_000_000;
    private static final String NEWS = "news-and-offers";

    private static final int THREADS = 4;
    private static final int WARM_UP_PER_THREAD = 300;
    private static final int CALLS_PER_THREAD = 3_000;
    private static final int ALONE = 2_000;
    private static final int ROUNDS = 6;

    @Autowired
    FamilyInvitations familyInvitations;
    @Autowired
    ConsentService consents;
    @Autowired
    ConsentPurposes purposes;
    @Autowired
    PolicyDrafts drafts;
    @Autowired
    PolicyPublication publication;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    Memberships memberships;
    @Autowired
    PortalUsers users;
    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Caller caller;
    @Autowired
    TenantSettingsService settings;
    @Autowired
    Environment env;

    @AfterEach
    void signOut() {
        SignedInAs.nobody();
    }

    // ---- 1. "Invite all pending" ----

    @Test
    void invitingEveryPendingGuardian() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        Tenant school = tenants.ensure("bench-invite-" + run, "Collège Invitations " + run, "FR", "fr");
        UUID admin = member(school, "admin-" + run + "@bench-consent.example", TenantRole.ADMIN);
        String families = "inv-" + run + ".example";

        long seeded = System.nanoTime();
        seedFamilies(school.id(), "i" + run, INVITE_MINORS, INVITE_GUARDIANS, 0, families, true);
        OwnerDatabase.of(env).sql("vacuum analyze person, guardianship, invitation").update();
        long links = OwnerDatabase.inTenant(env, school.id(), owner -> owner.sql("select count(*) from guardianship").query(Long.class).single());
        System.out.printf(Locale.ROOT, "BENCH consent.invite.seed %.1f s (%d minors, %d guardians with an address, %d links with parental "
                + "responsibility, SQL as owner)%n", (System.nanoTime() - seeded) / 1e9, INVITE_MINORS, INVITE_GUARDIANS, links);

        // Warm-up of the outbox, the job engine and the SMTP connection (not measured).
        String warm = "warm-" + run + ".example";
        enqueuePlain(school, warm, 200);
        awaitReceived(warm, 200, System.nanoTime(), 3);

        // Baseline: the outbox alone, 5,000 plain messages queued in one transaction, then delivered.
        String plain = "base-" + run + ".example";
        long baseStart = System.nanoTime();
        enqueuePlain(school, plain, INVITE_GUARDIANS);
        long baseCommitted = System.nanoTime();
        Received base = awaitReceived(plain, INVITE_GUARDIANS, baseStart, 10);
        System.out.printf(Locale.ROOT, "BENCH consent.invite.outbox-baseline.enqueue %.2f s (baseline: %d plain Mails, Outbox.send in one "
                + "transaction)%n", (baseCommitted - baseStart) / 1e9, INVITE_GUARDIANS);
        System.out.printf(Locale.ROOT, "BENCH consent.invite.outbox-baseline.all-received %.1f s (from the start; %d of %d received, "
                + "%.0f mails/s after the commit)%n", base.seconds(), base.count(), INVITE_GUARDIANS,
                base.count() / ((base.at() - baseCommitted) / 1e9));

        long listStart = System.nanoTime();
        int pending = as(admin, school, () -> familyInvitations.pending(null)).size();
        System.out.printf(Locale.ROOT, "BENCH consent.invite.pending %d invitees (the list, %.0f ms: FamilyInvitations.pending(null) as ADMIN)%n",
                pending, (System.nanoTime() - listStart) / 1e6);

        long start = System.nanoTime();
        int invited = as(admin, school, () -> familyInvitations.invitePending(null));
        long committed = System.nanoTime();
        Received mails = awaitReceived(families, INVITE_GUARDIANS, start, 10);
        System.out.printf(Locale.ROOT, "BENCH consent.invite.enqueue %.2f s (FamilyInvitations.invitePending(null) as ADMIN: %d invitations "
                + "and their mails, one transaction; %.0f invitations/s)%n", (committed - start) / 1e9, invited,
                invited / ((committed - start) / 1e9));
        System.out.printf(Locale.ROOT, "BENCH consent.invite.all-received %.1f s (from the click; %d of %d received, %.0f mails/s after "
                + "the commit)%n", mails.seconds(), mails.count(), invited, mails.count() / ((mails.at() - committed) / 1e9));
        int left = as(admin, school, () -> familyInvitations.pending(null)).size();
        System.out.printf(Locale.ROOT, "BENCH consent.invite.pending-after %d invitees%n", left);
    }

    private void enqueuePlain(Tenant school, String domain, int count) {
        TenantContext.runAs(school.id(), () -> transactions.executeWithoutResult(status -> {
            for (int i = 0; i < count; i++) {
                outbox.send(new Mail("parent" + i + "@" + domain, Locale.FRENCH, Mail.text("invitation.mail.subject", "Bench"),
                        List.of(Mail.text("invitation.mail.how")), null, null));
            }
        }));
    }

    private record Received(int count, long at, double seconds) {
    }

    /** Polls the SMTP server every 100 ms until {@code expected} messages to {@code domain} arrived (or the timeout). */
    private static Received awaitReceived(String domain, int expected, long since, int timeoutMinutes) throws InterruptedException {
        String suffix = "@" + domain;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(timeoutMinutes);
        int count = 0;
        while (System.nanoTime() < deadline) {
            long now = System.nanoTime();
            count = 0;
            for (MimeMessage m : CaughtMail.server().received()) {
                String to = CaughtMail.header(m, "To");
                if (to != null && to.endsWith(suffix)) {
                    count++;
                }
            }
            if (count >= expected) {
                return new Received(count, now, (now - since) / 1e9);
            }
            Thread.sleep(100);
        }
        long now = System.nanoTime();
        return new Received(count, now, (now - since) / 1e9);
    }

    // ---- 2. ConsentService.allows ----

    @Test
    void allowsWithAMillionDecisions() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        Tenant school = tenants.ensure("bench-allows-" + run, "Lycée Consentements " + run, "FR", "fr");
        UUID admin = member(school, "admin-" + run + "@bench-consent.example", TenantRole.ADMIN);
        PolicyDraft draft = as(admin, school, () -> drafts.start(HemiPolicy.TEMPLATE));
        PolicyDraft saved = as(admin, school, () -> drafts.save(HemiPolicy.filledIn(draft.content()), draft.revision()));
        as(admin, school, () -> publication.publish(saved.revision(), null, null));
        List<ConsentPurpose> needingConsent = as(admin, school, () -> purposes.all()).stream()
                .filter(p -> p.status() == ConsentPurpose.Status.ACTIVE && p.consentRequired()).toList();
        System.out.printf(Locale.ROOT, "BENCH consent.allows.purposes %d needing consent (%s; measured: %s, topic %s)%n", needingConsent.size(),
                needingConsent.stream().map(ConsentPurpose::code).collect(Collectors.joining(", ")), NEWS,
                needingConsent.stream().filter(p -> p.code().equals(NEWS)).findFirst().orElseThrow().topic());

        long start = System.nanoTime();
        seedFamilies(school.id(), "a" + run, MINORS, GUARDIANS, OF_AGE, "allows-" + run + ".example", false);
        long people = System.nanoTime();
        int subjects = MINORS + GUARDIANS + OF_AGE;
        long preferences = OwnerDatabase.inTenant(env, school.id(), owner -> (long) owner.sql("""
                insert into channel_preference (tenant_id, person_id, topic, channel, allowed)
                select current_tenant_id(), p.id, c.topic, c.channel, c.allowed
                  from person p
                 cross join (values ('INFORMATION', 'EMAIL', true), ('MARKETING', 'EMAIL', true), ('MARKETING', 'SMS', false)) c (topic, channel, allowed)
                 where p.kind in ('STUDENT', 'GUARDIAN') and abs(hashtext(p.id::text)) % 5 = 0""").update());
        long decisions = OwnerDatabase.inTenant(env, school.id(), owner -> (long) owner.sql("""
                with params as (
                    select v.number as version, encode(sha256(convert_to(v.content::text, 'UTF8')), 'hex') as hash,
                           (select array_agg(id order by position, code) from consent_purpose
                             where consent_required and status = 'ACTIVE') as for_minors,
                           (select array_agg(id order by position, code) from consent_purpose
                             where consent_required and status = 'ACTIVE' and code <> 'portal-account') as for_adults
                      from policy_version v where v.status = 'ACTIVE'),
                subjects as (
                    select p.id, p.kind = 'STUDENT' and p.birth_date > current_date - interval '15 years' as minor,
                           (select array_agg(g.guardian_id order by g.guardian_id) from guardianship g
                             where g.child_id = p.id and g.parental_responsibility) as guardians
                      from person p where p.kind in ('STUDENT', 'GUARDIAN'))
                insert into consent_decision (tenant_id, id, subject_id, giver_id, purpose_id, decision, policy_version, policy_hash, lang,
                                              method, note, recorded_at)
                select current_tenant_id(), gen_random_uuid(), s.id,
                       case when s.minor then s.guardians[1 + k % cardinality(s.guardians)] else s.id end,
                       case when s.minor then pr.for_minors[1 + (k / cardinality(s.guardians)) % cardinality(pr.for_minors)]
                            else pr.for_adults[1 + k % cardinality(pr.for_adults)] end,
                       case when abs(hashtext(s.id::text || ':' || k)) % 10 < 7 then 'GIVEN'
                            when abs(hashtext(s.id::text || ':' || k)) % 10 < 9 then 'REFUSED' else 'WITHDRAWN' end,
                       pr.version, pr.hash, 'fr', case when k % 4 = 0 then 'PAPER' else 'LINK' end,
                       case when k % 4 = 0 then 'Formulaire papier, classeur ' || (k + 1) end,
                       timestamptz '2025-09-01 08:00:00+02' + k * interval '9 days' + (abs(hashtext(s.id::text)) % 86400) * interval '1 second'
                  from subjects s cross join params pr cross join generate_series(0, :per - 1) k
                 where not s.minor or s.guardians is not null""").param("per", DECISIONS / subjects).update());
        OwnerDatabase.of(env).sql("vacuum analyze person, guardianship, channel_preference, consent_decision").update();
        System.out.printf(Locale.ROOT, "BENCH consent.allows.seed %.1f s (%d people: %d minors, %d guardians, %d students of age, in %.1f s; "
                + "%d consent decisions, %d per person, in %.1f s; %d channel preferences; SQL as owner, then vacuum analyze)%n",
                (System.nanoTime() - start) / 1e9, subjects, MINORS, GUARDIANS, OF_AGE, (people - start) / 1e9, decisions,
                DECISIONS / subjects, (System.nanoTime() - people) / 1e9, preferences);

        List<UUID> minors = OwnerDatabase.inTenant(env, school.id(), owner -> owner.sql("""
                select id from person where kind = 'STUDENT' and birth_date > current_date - interval '15 years' order by random() limit 5000""")
                .query(UUID.class).list());
        List<UUID> ofAge = OwnerDatabase.inTenant(env, school.id(), owner -> owner.sql("""
                select id from person where kind = 'GUARDIAN' or (kind = 'STUDENT' and birth_date <= current_date - interval '15 years')
                 order by random() limit 5000""").query(UUID.class).list());
        UUID[][] sample = {minors.toArray(UUID[]::new), ofAge.toArray(UUID[]::new)};

        TransactionTemplate readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);
        Call select = person -> readOnly.execute(status -> !jdbc.sql("""
                select * from (
                    select distinct on (d.purpose_id, d.giver_id) d.*
                      from consent_decision d
                     where d.subject_id = ?
                     order by d.purpose_id, d.giver_id, d.recorded_at desc, d.id) latest
                 order by recorded_at desc""").param(person).query().listOfRows().isEmpty());
        Call none = person -> consents.allows(person, NEWS, null);
        Call email = person -> consents.allows(person, NEWS, Channel.EMAIL);
        Call check = person -> caller.isSystemWorkOrHas("ADMIN", "DPO", "STAFF");
        // A sketch of the fix, not the service: what allows reads, in one statement of one transaction, decided as allows does.
        TenantSettings tenant = TenantContext.callAs(school.id(), () -> readOnly.execute(status -> settings.current()));
        LocalDate minorSince = LocalDate.now(tenant.timeZone()).minusYears(tenant.digitalConsentAge());
        Call sketch = person -> readOnly.execute(status -> oneStatement(person, NEWS, Channel.EMAIL, minorSince));
        int agree = 0;
        for (int i = 0; i < 1_000; i++) {
            UUID person = sample[i % 2][i / 2];
            Channel channel = i % 4 < 2 ? Channel.EMAIL : null;
            boolean service = TenantContext.callAs(school.id(), () -> consents.allows(person, NEWS, channel));
            boolean sketched = TenantContext.callAs(school.id(), () -> readOnly.execute(status -> oneStatement(person, NEWS, channel, minorSince)));
            agree += service == sketched ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "BENCH consent.allows.sketch.agrees %d of 1000 answers (the one-statement sketch against allows, "
                + "500 minors and 500 persons of age, with EMAIL and without)%n", agree);

        List<Variant> variants = List.of(
                new Variant("baseline", null, select, "baseline: one read-only transaction running allows' select of the latest decisions of one person"),
                new Variant("job.no-channel", null, none, "allows(person, news, null) as background work (no one signed in), as a mailing calls it"),
                new Variant("job.email", null, email, "allows(person, news, EMAIL) as background work"),
                new Variant("admin.no-channel", admin, none, "allows(person, news, null) as a signed-in ADMIN"),
                new Variant("admin.email", admin, email, "allows(person, news, EMAIL) as a signed-in ADMIN"),
                new Variant("sketch.email", null, sketch,
                        "sketch of the fix, not the service: allows' reads in one statement of one read-only transaction, decided as allows does"));
        // Every variant once over (not measured), so that none is measured colder than another.
        for (Variant v : variants) {
            run(school, v.signedIn(), sample, v.call(), THREADS, WARM_UP_PER_THREAD, 0);
        }

        // Alone: one thread, no one else asking (what a call costs without waiting for a core).
        List<Variant> alone = new ArrayList<>(variants);
        alone.add(new Variant("caller-check", admin, check, "@caller.isSystemWorkOrHas('ADMIN', 'DPO', 'STAFF') for a signed-in ADMIN: "
                + "what allows, people.consentParties and settings.current each ask before they run"));
        Map<String, Timed> single = interleaved(school, sample, alone, 1, ALONE);
        alone.forEach(v -> print1("consent.allows.1-thread." + v.name(), single.get(v.name()), v.what()));

        // The figure: four threads. The variants take turns in short bursts, so that whatever else the machine does
        // (a checkpoint, a collection) falls on all of them alike.
        Map<String, Timed> four = interleaved(school, sample, variants, THREADS, CALLS_PER_THREAD);
        variants.forEach(v -> print("consent.allows." + v.name(), four.get(v.name()), v.what()));

        // What a mailing asks: allowsEach for a hundred people at a time, as background work, four threads.
        long[] batches = each(school, sample, THREADS, 60);
        System.out.printf(Locale.ROOT, "BENCH consent.allows.each-100.per-person %.3f ms median, p99 %.3f ms (allowsEach of 100 people, 50 "
                        + "minors and 50 persons of age, news by EMAIL, as background work, as a mailing asks it; each batch's time / 100; "
                        + "%d threads, %d batches)%n", percentile(batches, 50) / 100, percentile(batches, 99) / 100, THREADS, batches.length);
        System.out.printf(Locale.ROOT, "BENCH consent.allows.each-100.batch %.2f ms median, p99 %.2f ms (the same batches, whole)%n",
                percentile(batches, 50), percentile(batches, 99));

        // Where the time goes: the tables one call reads (index and sequential scans of its transaction), one minor, one person of age.
        for (int kind = 0; kind < 2; kind++) {
            UUID person = sample[kind][0];
            String who = kind == 0 ? "minor" : "of-age";
            System.out.printf(Locale.ROOT, "BENCH consent.allows.reads.job.%s %s (one call's index scans, background work, EMAIL)%n", who,
                    scans(school, null, readOnly, () -> consents.allows(person, NEWS, Channel.EMAIL)));
            System.out.printf(Locale.ROOT, "BENCH consent.allows.reads.admin.%s %s (one call's index scans, signed-in ADMIN, EMAIL; counted "
                    + "in one transaction: called alone, the first check's reads run in two transactions of their own)%n", who,
                    scans(school, admin, readOnly, () -> consents.allows(person, NEWS, Channel.EMAIL)));
        }
        explain(school, "decisions.latest", sample[0][0], """
                select * from (
                    select distinct on (d.purpose_id, d.giver_id) d.*
                      from consent_decision d
                     where d.subject_id = ?
                     order by d.purpose_id, d.giver_id, d.recorded_at desc, d.id) latest
                 order by recorded_at desc""");
        explain(school, "people.links", sample[0][0], """
                select g.relationship, g.parental_responsibility, p.id, p.kind, p.given_name, p.family_name, p.birth_date,
                       p.class_name, p.email, p.phone, p.language, p.job_function, p.external_id, p.active, p.account_user_id
                  from guardianship g join person p on p.tenant_id = g.tenant_id
                       and p.id = case when g.guardian_id = :person then g.child_id else g.guardian_id end
                 where g.guardian_id = :person or g.child_id = :person
                 order by p.family_name, p.given_name""");
    }

    private interface Call {
        boolean on(UUID person);
    }

    private record Variant(String name, UUID signedIn, Call call, String what) {
    }

    /** Latencies in nanoseconds of every measured call (sorted), how many answered true, and the seconds they took. */
    private record Timed(long[] nanos, long allowed, double seconds, long[] minorNanos, long[] ofAgeNanos) {

        static Timed merge(List<Timed> parts) {
            long[] minors = concat(parts.stream().map(Timed::minorNanos).toList());
            long[] ofAge = concat(parts.stream().map(Timed::ofAgeNanos).toList());
            return new Timed(concat(List.of(minors, ofAge)), parts.stream().mapToLong(Timed::allowed).sum(),
                    parts.stream().mapToDouble(Timed::seconds).sum(), minors, ofAge);
        }
    }

    /**
     * Each variant in turn, {@value #ROUNDS} rounds (each starting with the next variant), {@code callsPerThread /
     * ROUNDS} calls per thread a turn after 50 not measured; the turns of each variant merged.
     */
    private Map<String, Timed> interleaved(Tenant school, UUID[][] sample, List<Variant> variants, int threads, int callsPerThread)
            throws Exception {
        Map<String, List<Timed>> turns = new LinkedHashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < variants.size(); i++) {
                Variant v = variants.get((round + i) % variants.size());
                turns.computeIfAbsent(v.name(), n -> new ArrayList<>())
                        .add(run(school, v.signedIn(), sample, v.call(), threads, 50, callsPerThread / ROUNDS));
            }
        }
        Map<String, Timed> merged = new LinkedHashMap<>();
        turns.forEach((name, parts) -> merged.put(name, Timed.merge(parts)));
        return merged;
    }

    /**
     * {@code threads} threads, each {@code warmUp} calls of warm-up then {@code calls} measured, alternately on a random
     * minor and a random person of age; {@code signedIn} null: no one signed in (background work).
     */
    private Timed run(Tenant school, UUID signedIn, UUID[][] sample, Call call, int threads, int warmUp, int calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[][]>> running = new ArrayList<>();
            AtomicLong allowed = new AtomicLong();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(() -> {
                    if (signedIn == null) {
                        SignedInAs.nobody();
                    } else {
                        SignedInAs.person(signedIn, school.slug());
                    }
                    try {
                        return TenantContext.callAs(school.id(), () -> {
                            ThreadLocalRandom random = ThreadLocalRandom.current();
                            for (int i = 0; i < warmUp; i++) {
                                UUID[] kind = sample[i % 2];
                                call.on(kind[random.nextInt(kind.length)]);
                            }
                            long begin = System.nanoTime();
                            long[] minor = new long[(calls + 1) / 2];
                            long[] adult = new long[calls / 2];
                            long yes = 0;
                            for (int i = 0; i < calls; i++) {
                                UUID[] kind = sample[i % 2];
                                UUID person = kind[random.nextInt(kind.length)];
                                long t0 = System.nanoTime();
                                boolean answer = call.on(person);
                                long took = System.nanoTime() - t0;
                                if (i % 2 == 0) {
                                    minor[i / 2] = took;
                                } else {
                                    adult[i / 2] = took;
                                }
                                yes += answer ? 1 : 0;
                            }
                            allowed.addAndGet(yes);
                            return new long[][] {minor, adult, {begin, System.nanoTime()}};
                        });
                    } finally {
                        SignedInAs.nobody();
                    }
                }));
            }
            List<long[]> minors = new ArrayList<>();
            List<long[]> adults = new ArrayList<>();
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (Future<long[][]> f : running) {
                long[][] times = f.get();
                minors.add(times[0]);
                adults.add(times[1]);
                first = Math.min(first, times[2][0]);
                last = Math.max(last, times[2][1]);
            }
            double seconds = (last - first) / 1e9;
            long[] minorNanos = concat(minors);
            long[] ofAgeNanos = concat(adults);
            return new Timed(concat(List.of(minorNanos, ofAgeNanos)), allowed.get(), seconds, minorNanos, ofAgeNanos);
        } finally {
            pool.shutdown();
        }
    }

    /** {@code threads} threads of {@code batches} calls of allowsEach on 100 random people each, after 5 not measured; sorted. */
    private long[] each(Tenant school, UUID[][] sample, int threads, int batches) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(() -> {
                    SignedInAs.nobody();
                    return TenantContext.callAs(school.id(), () -> {
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        long[] took = new long[batches];
                        for (int b = -5; b < batches; b++) {
                            List<UUID> people = new ArrayList<>();
                            for (int i = 0; i < 100; i++) {
                                UUID[] kind = sample[i % 2];
                                people.add(kind[random.nextInt(kind.length)]);
                            }
                            long t0 = System.nanoTime();
                            consents.allowsEach(people, NEWS, Channel.EMAIL);
                            if (b >= 0) {
                                took[b] = System.nanoTime() - t0;
                            }
                        }
                        return took;
                    });
                }));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> f : running) {
                all.add(f.get());
            }
            long[] sorted = concat(all);
            Arrays.sort(sorted);
            return sorted;
        } finally {
            pool.shutdown();
        }
    }

    private static long[] concat(List<long[]> parts) {
        long[] all = new long[parts.stream().mapToInt(a -> a.length).sum()];
        int at = 0;
        for (long[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        Arrays.sort(all);
        return all;
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static void print1(String name, Timed timed, String what) {
        System.out.printf(Locale.ROOT, "BENCH %s %.2f ms median, p99 %.2f ms (%s; 1 thread, %d calls)%n", name, percentile(timed.nanos(), 50),
                percentile(timed.nanos(), 99), what, timed.nanos().length);
    }

    private static void print(String name, Timed timed, String what) {
        int calls = timed.nanos().length;
        System.out.printf(Locale.ROOT, "BENCH %s.median %.2f ms (%s; %d threads, %d calls, %.0f calls/s, %.0f %% true)%n", name,
                percentile(timed.nanos(), 50), what, THREADS, calls, calls / timed.seconds(), 100.0 * timed.allowed() / calls);
        System.out.printf(Locale.ROOT, "BENCH %s.p99 %.2f ms (goal <= 2 ms; minors %.2f ms, persons of age %.2f ms; max %.1f ms)%n", name,
                percentile(timed.nanos(), 99), percentile(timed.minorNanos(), 99), percentile(timed.ofAgeNanos(), 99),
                timed.nanos()[calls - 1] / 1e6);
    }

    /**
     * What {@code allows} reads, in one statement: the purpose by its code, the person, the tenant's row (for the age of
     * digital consent), the guardians with parental responsibility, the latest decision of each giver for the purpose, the
     * institution's rule for minors and the person's choice for the purpose's topic and the channel; decided as
     * {@code ConsentService.allows} decides (minority from {@code minorSince}, computed from the same tenant row).
     */
    private boolean oneStatement(UUID person, String purposeCode, Channel channel, LocalDate minorSince) {
        List<Map<String, Object>> rows = jdbc.sql("""
                select p.id as purpose_id, p.code, p.status, p.consent_required,
                       case when p.section_id = 'contact-marketing' then 'MARKETING' else 'INFORMATION' end as topic,
                       t.country, t.consent_age, t.time_zone, s.kind, s.birth_date,
                       coalesce((select c.all_guardians from consent_setting c), false) as all_guardians,
                       array(select g.guardian_id from guardianship g where g.child_id = s.id and g.parental_responsibility) as responsible,
                       array(select d.giver_id::text || ' ' || d.decision
                               from (select distinct on (giver_id) giver_id, decision from consent_decision
                                      where subject_id = s.id and purpose_id = p.id order by giver_id, recorded_at desc, id) d) as latest,
                       (select cp.allowed from channel_preference cp where cp.person_id = s.id and cp.channel = :channel
                           and cp.topic = case when p.section_id = 'contact-marketing' then 'MARKETING' else 'INFORMATION' end) as choice
                  from person s
                  join tenant t on t.id = current_tenant_id()
                  left join consent_purpose p on p.code = :code
                 where s.id = :person""")
                .param("person", person).param("code", purposeCode).param("channel", channel == null ? "EMAIL" : channel.name())
                .query().listOfRows();
        if (rows.isEmpty() || rows.getFirst().get("purpose_id") == null || !"ACTIVE".equals(rows.getFirst().get("status"))) {
            return false;
        }
        Map<String, Object> r = rows.getFirst();
        Date birth = (Date) r.get("birth_date");
        boolean minor = "STUDENT".equals(r.get("kind")) && birth != null && birth.toLocalDate().isAfter(minorSince);
        boolean lawful;
        if (!(Boolean) r.get("consent_required") || (ConsentPurpose.ACCOUNT.equals(r.get("code")) && !minor)) {
            lawful = true;
        } else {
            List<String[]> latest = Arrays.stream((String[]) array(r.get("latest"))).map(d -> d.split(" ")).toList();
            if (!minor) {
                lawful = latest.stream().anyMatch(d -> d[0].equals(person.toString()) && d[1].equals("GIVEN"));
            } else {
                Set<String> responsible = new HashSet<>();
                for (Object id : (Object[]) array(r.get("responsible"))) {
                    responsible.add(id.toString());
                }
                List<String[]> theirs = latest.stream().filter(d -> responsible.contains(d[0])).toList();
                boolean noObjection = theirs.stream().allMatch(d -> d[1].equals("GIVEN"));
                lawful = (Boolean) r.get("all_guardians")
                        ? noObjection && !responsible.isEmpty() && theirs.size() == responsible.size()
                        : noObjection && !theirs.isEmpty();
            }
        }
        if (!lawful || channel == null) {
            return lawful;
        }
        Boolean choice = (Boolean) r.get("choice");
        return choice != null ? choice : "INFORMATION".equals(r.get("topic")) && channel == Channel.EMAIL;
    }

    private static Object array(Object sqlArray) {
        try {
            return ((Array) sqlArray).getArray();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The tables one call reads: the index and sequential scans it adds to the statistics of the transaction it joins
     * (the backend's pending counts before and after it), "table:scans".
     */
    private String scans(Tenant school, UUID signedIn, TransactionTemplate readOnly, Supplier<Boolean> call) {
        if (signedIn != null) {
            SignedInAs.person(signedIn, school.slug());
        }
        try {
            return TenantContext.callAs(school.id(), () -> readOnly.execute(status -> {
                Map<String, Long> before = scanCounts();
                boolean answer = call.get();
                Map<String, Long> after = scanCounts();
                Map<String, Long> added = new TreeMap<>();
                after.forEach((table, n) -> {
                    long d = n - before.getOrDefault(table, 0L);
                    if (d > 0) {
                        added.put(table, d);
                    }
                });
                return added.values().stream().mapToLong(Long::longValue).sum() + " scans, answer " + answer + ": "
                        + added.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(" "));
            }));
        } finally {
            SignedInAs.nobody();
        }
    }

    private Map<String, Long> scanCounts() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("select relname, coalesce(idx_scan, 0) + coalesce(seq_scan, 0) from pg_stat_xact_user_tables")
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    private void explain(Tenant school, String name, UUID person, String sql) {
        List<String> plan = OwnerDatabase.inTenant(env, school.id(), owner -> {
            List<String> lines = List.of();
            for (int i = 0; i < 2; i++) { // the second: catalog and buffers warm, as in the service's steady state
                JdbcClient.StatementSpec statement = owner.sql("explain (analyze, buffers) " + sql);
                lines = (sql.contains(":person") ? statement.param("person", person) : statement.param(person)).query(String.class).list();
            }
            return lines;
        });
        for (String line : plan) {
            System.out.println("PLAN " + name + " | " + line);
        }
    }

    // ---- set-up ----

    /**
     * Families as a roster import leaves them: {@code minors} active students aged 6 to 14 in classes, {@code guardians}
     * with an address, each the parent (with parental responsibility) of student {@code n % minors}, and when
     * {@code siblings} the first tenth of them of a second child too; {@code ofAge} students aged 16 to 19. Ids derived
     * from {@code run}.
     */
    private void seedFamilies(UUID tenantId, String run, int minors, int guardians, int ofAge, String domain, boolean siblings) {
        OwnerDatabase.inTenant(env, tenantId, owner -> {
            owner.sql("""
                    insert into person (tenant_id, id, kind, given_name, family_name, search_text, birth_date, class_name, language)
                    select current_tenant_id(), md5(:run || '-m-' || n)::uuid, 'STUDENT', (array['Léa', 'Hugo', 'Inès', 'Noé', 'Zoé', 'Théo'])[1 + n % 6],
                           'Famille' || n, lower((array['lea', 'hugo', 'ines', 'noe', 'zoe', 'theo'])[1 + n % 6] || ' famille' || n),
                           (current_date - interval '6 years' - ((n * 37) % 3200) * interval '1 day')::date,
                           (array['6e', '5e', '4e', '3e'])[1 + n % 4] || ' ' || chr(65 + n % 6), 'fr'
                      from generate_series(0, :count - 1) n""").param("run", run).param("count", minors).update();
            owner.sql("""
                    insert into person (tenant_id, id, kind, given_name, family_name, search_text, email, language)
                    select current_tenant_id(), md5(:run || '-g-' || n)::uuid, 'GUARDIAN', (array['Hélène', 'Marc', 'Sophie', 'Karim'])[1 + n % 4],
                           'Famille' || (n % :minors), lower((array['helene', 'marc', 'sophie', 'karim'])[1 + n % 4] || ' famille' || (n % :minors)),
                           'parent' || n || '@' || :domain, case when n % 10 = 0 then 'en' else 'fr' end
                      from generate_series(0, :count - 1) n""")
                    .param("run", run).param("count", guardians).param("minors", minors).param("domain", domain).update();
            owner.sql("""
                    insert into guardianship (tenant_id, guardian_id, child_id, relationship, parental_responsibility)
                    select current_tenant_id(), md5(:run || '-g-' || n)::uuid, md5(:run || '-m-' || (n % :minors))::uuid,
                           case when n < :minors then 'MOTHER' else 'FATHER' end, true
                      from generate_series(0, :count - 1) n""").param("run", run).param("count", guardians).param("minors", minors).update();
            if (siblings) {
                owner.sql("""
                        insert into guardianship (tenant_id, guardian_id, child_id, relationship, parental_responsibility)
                        select current_tenant_id(), md5(:run || '-g-' || n)::uuid, md5(:run || '-m-' || ((n + :minors / 2) % :minors))::uuid,
                               'PARENT', true
                          from generate_series(0, :count / 10 - 1) n""").param("run", run).param("count", guardians).param("minors", minors)
                        .update();
            }
            if (ofAge > 0) {
                owner.sql("""
                        insert into person (tenant_id, id, kind, given_name, family_name, search_text, birth_date, class_name, email, language)
                        select current_tenant_id(), md5(:run || '-a-' || n)::uuid, 'STUDENT', 'Adèle', 'Majeure' || n, 'adele majeure' || n,
                               (current_date - interval '16 years' - ((n * 37) % 1400) * interval '1 day')::date, 'Terminale',
                               'student' || n || '@' || :domain, 'fr'
                          from generate_series(0, :count - 1) n""").param("run", run).param("count", ofAge).param("domain", domain).update();
            }
            return null;
        });
    }

    private UUID member(Tenant tenant, String email, TenantRole role) {
        UUID id = users.register(email, "Bench " + role);
        TenantContext.runAs(tenant.id(), () -> memberships.grant(id, role));
        return id;
    }

    private static <T> T as(UUID person, Tenant school, Supplier<T> work) {
        return SignedInAs.inTenant(person, school, work);
    }
}
