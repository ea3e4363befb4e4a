package eu.tutela.portal.bench;

import static org.awaitility.Awaitility.await;

import eu.tutela.portal.people.People;
import eu.tutela.portal.people.PeopleFilter;
import eu.tutela.portal.people.PeopleSort;
import eu.tutela.portal.people.Person;
import eu.tutela.portal.people.RosterImport;
import eu.tutela.portal.people.RosterImports;
import eu.tutela.portal.people.RosterSummary;
import eu.tutela.portal.security.PortalUsers;
import eu.tutela.portal.security.SignedInAs;
import eu.tutela.portal.support.OwnerDatabase;
import eu.tutela.portal.tenancy.Memberships;
import eu.tutela.portal.tenancy.Tenant;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantDirectory;
import eu.tutela.portal.tenancy.TenantRole;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The figures of the people registry (docs/benchmarks.md): a OneRoster 1.1 bulk import of 100,000 users (50,000
 * students with birth dates, 50,000 guardians, 75,000 links) into an empty tenant, then the same export with 1 %
 * changed, each as preview then apply through {@link RosterImports} and its job engine; the heap sampled during each;
 * as the baseline, PostgreSQL's {@code COPY} of the same rows, already parsed, into tables shaped like the final
 * ones, without validation. Five rounds, each into a new institution, and their medians: the machine is noisy (one
 * round's baseline may take half again as long as another's). Then the people grid's first page and a name search over
 * the 100,000 of the last round, right after the imports and once vacuumed and analysed as autovacuum would leave the
 * tables. Prints
 * {@code BENCH} lines; asserts nothing about time. Runs only when named: {@code -Dit.test=PeopleBenchmark}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tutela.demo.enabled=false")
@ActiveProfiles("test")
class PeopleBenchmark {

    private static final int STUDENTS = 50_000;
    private static final int GUARDIANS = 50_000;
    private static final int USERS = STUDENTS + GUARDIANS;
    private static final int LINKS = STUDENTS + STUDENTS / 2;
    private static final String USERS_HEADER = "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,"
            + "givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password";

    private static final String[] FAMILIES = {"Lefèvre", "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit",
        "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent",
        "Fournier", "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Légaré",
        "Ménard", "Château", "Gauthier", "Perrin", "Besançon", "Noël", "Œuvray", "Hébert", "Brûlé"};
    private static final String[] STUDENT_NAMES = {"Léa", "Chloé", "Emma", "Inès", "Zoé", "Hélène", "Maëlle", "Anaïs", "Noémie",
        "Éloïse", "Lucas", "Hugo", "Théo", "Nathan", "Léo", "Raphaël", "Jérémy", "Gaël", "Noé", "Timothée", "Clément", "Loïc",
        "Benoît", "Aurélien", "Céline", "Amélie", "Joël", "Mathéo", "Élodie", "Anaëlle", "François", "Zoë", "Adèle", "Jules",
        "Louis", "Maël", "Arsène", "Thaïs", "Bérénice", "Cécile", "Désiré"};
    private static final String[] GUARDIAN_NAMES = {"Françoise", "Jérôme", "Stéphane", "Sébastien", "Frédéric", "Véronique",
        "Hélène", "Gérard", "Élise", "Agnès", "Mélanie", "Thérèse", "René", "Irène", "Rémi", "Ségolène", "Andrée", "Benjamin",
        "Isabelle", "Nathalie", "Pascal", "Sylvie", "Valérie", "Hervé", "Laurence", "Jean-Noël", "Marie-Thérèse", "Régis", "Édith",
        "Ginette", "Léon", "Mathilde", "Joséphine"};

    @Autowired
    RosterImports imports;
    @Autowired
    People people;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    Memberships memberships;
    @Autowired
    PortalUsers users;
    @Autowired
    Environment env;

    @TempDir
    Path dir;

    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));

    /** Rounds of the imports and the baseline, each into a new institution: the machine is noisy, medians are kept. */
    private static final int ROUNDS = 5;

    @Test
    void rosterImportBaselineAndGrid() throws Exception {
        System.out.printf(Locale.ROOT, "BENCH people.heap.max %.0f MiB (Runtime.maxMemory)%n", Runtime.getRuntime().maxMemory() / MiB);
        Path full = oneRoster(dir.resolve("oneroster-full.zip"), false);
        Path changed = oneRoster(dir.resolve("oneroster-1pct.zip"), true);
        System.out.printf(Locale.ROOT, "BENCH people.file users=%d links=%d zip=%.1f MiB%n", USERS, LINKS, Files.size(full) / MiB);

        List<Timed> fulls = new ArrayList<>();
        List<Timed> ones = new ArrayList<>();
        List<Double> baselines = new ArrayList<>();
        Tenant school = null;
        UUID admin = null;
        for (int round = 1; round <= ROUNDS; round++) {
            String run = UUID.randomUUID().toString().substring(0, 6);
            Tenant tenant = tenants.ensure("bench-people-" + run, "Bench People " + run, "FR", "fr");
            UUID member = users.register("admin-" + run + "@bench-people.example", "Bench Admin");
            TenantContext.runAs(tenant.id(), () -> memberships.grant(member, TenantRole.ADMIN));
            school = tenant;
            admin = member;

            Timed first = importTimed(member, tenant, full);
            Map<String, Object> counts = OwnerDatabase.inTenant(env, tenant.id(), jdbc -> jdbc.sql("""
                    select (select count(*) from person) as people, (select count(*) from person where kind = 'STUDENT' and birth_date is not null) as students,
                           (select count(*) from guardianship) as links""").query().singleRow());
            Timed again = importTimed(member, tenant, changed);
            Map<String, Object> after = OwnerDatabase.inTenant(env, tenant.id(), jdbc -> jdbc.sql("""
                    select (select count(*) from person) as people, (select count(*) from person where family_name like '%-Neuf') as renamed,
                           (select count(*) from guardianship) as links""").query().singleRow());
            double baseline = copyBaseline(tenant.id());
            fulls.add(first);
            ones.add(again);
            baselines.add(baseline);
            System.out.printf(Locale.ROOT, "BENCH people.round.%d full %.2f s (upload stored %.2f, preview %.2f, apply %.2f), 1pct %.2f s "
                            + "(upload stored %.2f, preview %.2f, apply %.2f), baseline %.2f s: full %.2f x the baseline, 1pct %.2f x the "
                            + "full import%n", round, first.total(), first.stored(), first.preview(), first.apply(), again.total(), again.stored(),
                    again.preview(), again.apply(), baseline, first.total() / baseline, again.total() / first.total());
            if (round == 1) {
                System.out.printf(Locale.ROOT, "BENCH people.import.full.summary %s%n", first.summary());
                System.out.printf(Locale.ROOT, "BENCH people.import.full.result people=%s students-with-birth-date=%s guardianships=%s%n",
                        counts.get("people"), counts.get("students"), counts.get("links"));
                System.out.printf(Locale.ROOT, "BENCH people.import.1pct.summary %s%n", again.summary());
                System.out.printf(Locale.ROOT, "BENCH people.import.1pct.result people=%s renamed=%s guardianships=%s%n",
                        after.get("people"), after.get("renamed"), after.get("links"));
            }
        }
        double fullTotal = median(fulls.stream().map(Timed::total).toList());
        double oneTotal = median(ones.stream().map(Timed::total).toList());
        double baseline = median(baselines);
        print("people.import.full", fulls);
        print("people.import.1pct", ones);
        System.out.printf(Locale.ROOT, "BENCH people.copy-baseline %.2f s (median of %d; %.0f users/s) both COPYs and the commit%n", baseline,
                ROUNDS, USERS / baseline);
        System.out.printf(Locale.ROOT, "BENCH people.import.full.ratio %.2f x the COPY baseline (medians; preview + apply; goal <= 2)%n",
                fullTotal / baseline);
        System.out.printf(Locale.ROOT, "BENCH people.import.full.apply-ratio %.2f x the COPY baseline (medians; apply alone)%n",
                median(fulls.stream().map(Timed::apply).toList()) / baseline);
        System.out.printf(Locale.ROOT, "BENCH people.import.1pct.ratio %.2f x of the full import (medians; goal <= 0.25)%n", oneTotal / fullTotal);
        System.out.printf(Locale.ROOT, "BENCH people.import.heap peak=%.0f MiB (the most of every import's samples, every 20 ms)%n",
                Stream.concat(fulls.stream(), ones.stream()).mapToLong(Timed::peak).max().orElseThrow() / MiB);

        grid(admin, school, "people.grid.after-import");
        // As autovacuum leaves the table a little later: statistics and visibility map up to date.
        OwnerDatabase.of(env).sql("vacuum analyze person, guardianship").update();
        grid(admin, school, "people.grid");
    }

    /** The median preview, apply and total seconds of these imports. */
    private static void print(String name, List<Timed> timed) {
        double preview = median(timed.stream().map(Timed::preview).toList());
        double apply = median(timed.stream().map(Timed::apply).toList());
        double total = median(timed.stream().map(Timed::total).toList());
        System.out.printf(Locale.ROOT, "BENCH %s.preview %.2f s (median of %d) upload stored, read, checked, kept, compared%n", name, preview,
                timed.size());
        System.out.printf(Locale.ROOT, "BENCH %s.apply %.2f s (median) kept rows restored, checked against the registry, merged%n", name, apply);
        System.out.printf(Locale.ROOT, "BENCH %s.total %.2f s (median; %.0f users/s, %.0f rows/s with the links)%n", name, total,
                USERS / total, (USERS + LINKS) / total);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** Preview and apply of one zip, timed apart, with the heap sampled throughout. */
    private Timed importTimed(UUID admin, Tenant school, Path zip) {
        System.gc();
        HeapSampler heap = HeapSampler.start();
        long t0 = System.nanoTime();
        RosterImport started = as(admin, school, () -> imports.start(List.of(new RosterImports.Upload(zip.getFileName().toString(), zip)),
                RosterImport.Mode.FULL, null));
        long stored = System.nanoTime();
        RosterImport previewed = settled(admin, school, started.id());
        long t1 = System.nanoTime();
        if (previewed.status() != RosterImport.Status.PREVIEWED) {
            throw new IllegalStateException(zip + ": " + previewed.status() + " " + previewed.refusalKey() + " " + previewed.refusalDetail());
        }
        as(admin, school, () -> imports.confirm(previewed.id()));
        RosterImport applied = settled(admin, school, previewed.id());
        long t2 = System.nanoTime();
        long peak = heap.stop();
        if (applied.status() != RosterImport.Status.APPLIED) {
            throw new IllegalStateException(zip + ": " + applied.status() + " " + applied.refusalKey() + " " + applied.refusalDetail());
        }
        return new Timed((stored - t0) / 1e9, (t1 - t0) / 1e9, (t2 - t1) / 1e9, peak, applied.summary());
    }

    /** Seconds until the upload was stored, until previewed (the upload included), then until applied. */
    private record Timed(double stored, double preview, double apply, long peak, RosterSummary summary) {

        double total() {
            return preview + apply;
        }
    }

    private RosterImport settled(UUID admin, Tenant school, UUID id) {
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(10))
                .until(() -> !as(admin, school, () -> imports.find(id)).orElseThrow().status().working());
        return as(admin, school, () -> imports.find(id)).orElseThrow();
    }

    /**
     * The physical limit: the same 100,000 people and 75,000 links, already parsed, sent with COPY in one
     * transaction into tables like the real ones (columns, types, checks, keys, foreign keys, indexes including the
     * trigram one, row-level security enabled with the tenant policy), nothing checked nor compared.
     */
    private double copyBaseline(UUID tenantId) throws Exception {
        UUID[] ids = new UUID[USERS];
        Random random = new Random(42);
        for (int u = 0; u < USERS; u++) {
            ids[u] = new UUID((random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
        }
        Path personRows = dir.resolve("bench_person.tsv");
        Path linkRows = dir.resolve("bench_guardianship.tsv");
        try (Writer out = Files.newBufferedWriter(personRows, StandardCharsets.UTF_8)) {
            for (int u = 0; u < USERS; u++) {
                boolean student = u < STUDENTS;
                int i = student ? u : u - STUDENTS;
                String given = student ? studentName(i) : guardianName(i);
                String family = family(i, false);
                LocalDate birth = student ? birthDate(i) : null;
                tsv(out, tenantId, ids[u], student ? "STUDENT" : "GUARDIAN", given, family, fold(given + " " + family), birth,
                        student ? grade(birth, false) : null, student ? null : email(given, family, i), student ? null : phone(i),
                        student ? studentId(i) : guardianId(i));
            }
        }
        try (Writer out = Files.newBufferedWriter(linkRows, StandardCharsets.UTF_8)) {
            for (int i = 0; i < STUDENTS; i++) {
                tsv(out, tenantId, ids[STUDENTS + i], ids[i], "PARENT", true);
                if (i % 2 == 0) {
                    tsv(out, tenantId, ids[STUDENTS + (i + 1) % GUARDIANS], ids[i], "PARENT", true);
                }
            }
        }
        try (Connection owner = DriverManager.getConnection(env.getRequiredProperty("spring.flyway.url"),
                env.getRequiredProperty("spring.flyway.user"), env.getRequiredProperty("spring.flyway.password"));
                Statement sql = owner.createStatement()) {
            sql.execute("drop table if exists bench_guardianship, bench_person");
            sql.execute("create table bench_person (like person including all)");
            sql.execute("alter table bench_person add foreign key (tenant_id) references tenant (id)");
            sql.execute("create table bench_guardianship (like guardianship including all)");
            sql.execute("alter table bench_guardianship add foreign key (tenant_id) references tenant (id)");
            sql.execute("alter table bench_guardianship add foreign key (tenant_id, guardian_id) references bench_person (tenant_id, id)");
            sql.execute("alter table bench_guardianship add foreign key (tenant_id, child_id) references bench_person (tenant_id, id)");
            for (String table : new String[] {"bench_person", "bench_guardianship"}) {
                // Enabled, not forced: COPY FROM refuses a table whose row-level security applies to the one copying
                // (the owner, not a superuser here); the application role would be bound by it.
                sql.execute("alter table " + table + " enable row level security");
                sql.execute("create policy " + table + "_tenant_isolation on " + table
                        + " using (tenant_id = (select current_tenant_id())) with check (tenant_id = (select current_tenant_id()))");
            }
            try {
                owner.setAutoCommit(false);
                CopyManager copy = owner.unwrap(PGConnection.class).getCopyAPI();
                long t0 = System.nanoTime();
                long people;
                try (InputStream in = new BufferedInputStream(Files.newInputStream(personRows), 1 << 16)) {
                    people = copy.copyIn("copy bench_person (tenant_id, id, kind, given_name, family_name, search_text, birth_date, "
                            + "class_name, email, phone, external_id) from stdin", in);
                }
                long t1 = System.nanoTime();
                long links;
                try (InputStream in = new BufferedInputStream(Files.newInputStream(linkRows), 1 << 16)) {
                    links = copy.copyIn("copy bench_guardianship (tenant_id, guardian_id, child_id, relationship, parental_responsibility) "
                            + "from stdin", in);
                }
                owner.commit();
                long t2 = System.nanoTime();
                double seconds = (t2 - t0) / 1e9;
                System.out.printf(Locale.ROOT, "BENCH people.copy-baseline.person %.2f s (%d rows)%n", (t1 - t0) / 1e9, people);
                System.out.printf(Locale.ROOT, "BENCH people.copy-baseline.guardianship %.2f s (%d rows)%n", (t2 - t1) / 1e9, links);
                return seconds;
            } finally {
                owner.setAutoCommit(true);
                sql.execute("drop table if exists bench_guardianship, bench_person");
            }
        }
    }

    /** The grid's first page (a page sorted by name and the count) and a name search, through the service as ADMIN. */
    private void grid(UUID admin, Tenant school, String name) {
        PeopleFilter lefevre = new PeopleFilter("lefevre", null, null, null, null);
        List<Long> firstPage = new ArrayList<>();
        List<Long> search = new ArrayList<>();
        long found = 0;
        for (int i = 0; i < 60; i++) {
            long t0 = System.nanoTime();
            long total = as(admin, school, () -> {
                List<Person> page = people.search(PeopleFilter.ALL, PeopleSort.NAME, 0, 50);
                return page.size() == 50 ? people.count(PeopleFilter.ALL) : -1L;
            });
            long t1 = System.nanoTime();
            found = as(admin, school, () -> {
                List<Person> page = people.search(lefevre, PeopleSort.NAME, 0, 50);
                return page.isEmpty() ? -1L : people.count(lefevre);
            });
            long t2 = System.nanoTime();
            if (total != USERS || found <= 0) {
                throw new IllegalStateException("The grid does not see the people: " + total + ", " + found);
            }
            if (i >= 10) {
                firstPage.add(t1 - t0);
                search.add(t2 - t1);
            }
        }
        print(name + ".first-page", firstPage, "page of 50 by name + count, over " + USERS);
        print(name + ".name-search", search, "\"lefevre\" finds Lefèvre: page of 50 + count, " + found + " matches");
    }

    private static void print(String name, List<Long> nanos, String what) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "BENCH %s.median %.2f ms (%s; goal <= 100 ms)%n", name, sorted.get(sorted.size() / 2) / 1e6, what);
        System.out.printf(Locale.ROOT, "BENCH %s.p95 %.2f ms%n", name, sorted.get((int) (sorted.size() * 0.95)) / 1e6);
    }

    // ---- the OneRoster set ----

    /** A OneRoster 1.1 bulk set as a zip, written as a stream; {@code changed}: 1,000 users differ (500 grades, 500 names). */
    private Path oneRoster(Path zip, boolean changed) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream entries = new ZipOutputStream(file);
                BufferedWriter out = new BufferedWriter(new OutputStreamWriter(entries, StandardCharsets.UTF_8), 1 << 16)) {
            entries.putNextEntry(new ZipEntry("manifest.csv"));
            out.write("propertyName,value\nmanifest.version,1.0\noneroster.version,1.1\nfile.academicSessions,absent\n"
                    + "file.categories,absent\nfile.classes,absent\nfile.classResources,absent\nfile.courses,absent\n"
                    + "file.courseResources,absent\nfile.demographics,bulk\nfile.enrollments,absent\nfile.lineItems,absent\n"
                    + "file.orgs,bulk\nfile.resources,absent\nfile.results,absent\nfile.users,bulk\n");
            out.flush();
            entries.closeEntry();

            entries.putNextEntry(new ZipEntry("orgs.csv"));
            out.write("sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\n"
                    + "org-1,active,2026-09-01T00:00:00.000Z,Cité scolaire Émile-Zola,school,0590001A,\n");
            out.flush();
            entries.closeEntry();

            entries.putNextEntry(new ZipEntry("users.csv"));
            out.write(USERS_HEADER);
            out.write('\n');
            for (int i = 0; i < STUDENTS; i++) {
                String given = studentName(i);
                String family = family(i, false);
                String agents = i % 2 == 0 ? "\"" + guardianId(i) + "," + guardianId((i + 1) % GUARDIANS) + "\"" : guardianId(i);
                String grade = grade(birthDate(i), changed && i % 100 == 0);
                csv(out, studentId(i), "active", "2026-09-01T00:00:00.000Z", "true", "org-1", "student", "eleve" + i, "", given, family, "",
                        "INE" + (100000000 + i), "", "", "", agents, grade, "");
            }
            for (int i = 0; i < GUARDIANS; i++) {
                String given = guardianName(i);
                String family = family(i, changed && i % 100 == 0);
                csv(out, guardianId(i), "active", "2026-09-01T00:00:00.000Z", "true", "org-1", "parent", "", "", given, family, "", "",
                        email(given, family(i, false), i), "", phone(i), "", "", "");
            }
            out.flush();
            entries.closeEntry();

            entries.putNextEntry(new ZipEntry("demographics.csv"));
            out.write("sourcedId,status,dateLastModified,birthDate,sex,americanIndianOrAlaskaNative,asian,blackOrAfricanAmerican,"
                    + "nativeHawaiianOrOtherPacificIslander,white,demographicRaceTwoOrMoreRaces,hispanicOrLatinoEthnicity,"
                    + "countryOfBirthCode,stateOfBirthAbbreviation,cityOfBirth,publicSchoolResidenceStatus\n");
            for (int i = 0; i < STUDENTS; i++) {
                csv(out, studentId(i), "active", "2026-09-01T00:00:00.000Z", birthDate(i).toString(), i % 2 == 0 ? "female" : "male",
                        "", "", "", "", "", "", "", "", "", "", "");
            }
            out.flush();
            entries.closeEntry();
        }
        return zip;
    }

    private static String studentId(int i) {
        return "s-%06d".formatted(i);
    }

    private static String guardianId(int i) {
        return "g-%06d".formatted(i);
    }

    /** A family name: a child's guardian shares it; one in nine is a double name. {@code renamed}: the 1 % changed. */
    private static String family(int i, boolean renamed) {
        String name = FAMILIES[i % FAMILIES.length];
        if (i % 9 == 0) {
            name = name + "-" + FAMILIES[(i / FAMILIES.length + 7) % FAMILIES.length];
        }
        return renamed ? name + "-Neuf" : name;
    }

    private static String studentName(int i) {
        return STUDENT_NAMES[(i / FAMILIES.length + i) % STUDENT_NAMES.length];
    }

    private static String guardianName(int i) {
        return GUARDIAN_NAMES[(i / 3 + i) % GUARDIAN_NAMES.length];
    }

    /** Ages 6 to 17 on the institution's calendar, spread day by day. */
    private LocalDate birthDate(int i) {
        return today.minusYears(6).minusDays((i * 37L) % 4380);
    }

    /** OneRoster's grade (01 to 12) from the age; {@code moved}: another one (the 1 % changed). */
    private String grade(LocalDate birth, boolean moved) {
        int grade = Math.clamp(Period.between(birth, today).getYears() - 5, 1, 12);
        return "%02d".formatted(moved ? grade % 12 + 1 : grade);
    }

    private static String email(String given, String family, int i) {
        return (fold(given) + "." + fold(family)).replace(' ', '-') + "." + i + "@example.org";
    }

    private static String phone(int i) {
        return "+33 6 %02d %02d %02d %02d".formatted(10 + i % 90, (i / 90) % 100, (i / 9000) % 100, (i * 7) % 100);
    }

    /** As the application folds names for search (people.SearchText, package-private there). */
    private static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae").replaceAll("\\s+", " ").strip();
    }

    private static void csv(Writer out, String... values) throws IOException {
        for (int v = 0; v < values.length; v++) {
            if (v > 0) {
                out.write(',');
            }
            out.write(values[v]);
        }
        out.write('\n');
    }

    /** A row of COPY's text format: tab-separated, \N for null (no value here holds a tab or a backslash). */
    private static void tsv(Writer out, Object... values) throws IOException {
        for (int v = 0; v < values.length; v++) {
            if (v > 0) {
                out.write('\t');
            }
            out.write(values[v] == null ? "\\N" : values[v].toString());
        }
        out.write('\n');
    }

    // ---- the heap ----

    private static final double MiB = 1024.0 * 1024.0;

    /** The used heap, sampled every 20 ms by a daemon thread until stopped; the highest sample. */
    private static final class HeapSampler {

        private final Thread thread;
        private volatile boolean running = true;
        private volatile long peak;

        private HeapSampler() {
            thread = Thread.ofPlatform().daemon().name("heap-sampler").unstarted(() -> {
                while (running) {
                    peak = Math.max(peak, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        static HeapSampler start() {
            HeapSampler sampler = new HeapSampler();
            sampler.thread.start();
            return sampler;
        }

        long stop() {
            running = false;
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Math.max(peak, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
    }

    private static <T> T as(UUID person, Tenant school, Supplier<T> work) {
        return SignedInAs.inTenant(person, school, work);
    }
}
