package eu.tutela.portal.people;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A roster import done the set-based way: rows are checked one by one as the readers stream them (the same rules as
 * the registration form), streamed with {@code COPY} into temporary tables of this transaction, then checked as a
 * whole (duplicated ids, links to nobody, link cycles) and compared with or merged into the registry in a few SQL
 * statements. The temporary tables vanish with the transaction: a crash leaves nothing behind.
 *
 * <p>A row whose {@link RosterFingerprint fingerprint} is the one the registry keeps for that person says what the
 * last import wrote, and nothing changed the person since: it is staged as a bare row ({@code unchanged}: its id,
 * kind, state and a guardian's defaults), which still counts for duplicated ids, absences and the kinds of links, and
 * is left out of every other check and comparison. A link between two such rows is not looked at again.
 */
final class RosterStaging implements RosterSink {

    /**
     * Rows are sent to the database in steps of about this many characters, the people's (one COPY kept open) small,
     * the links' and problems' large (each of their steps ends the people's COPY and starts it again).
     */
    private static final int STEP = 1 << 16;
    private static final int BATCH = 1 << 20;
    private static final String NO_ID = "";

    private static final String PERSON_COLUMNS = "file, line, external_id, kind, given_name, family_name, search_text, birth_date, "
            + "class_name, email, phone, language, job_function, active, relationship, responsibility, unchanged, fingerprint";
    private static final String LINK_COLUMNS = "file, line, from_id, to_id, relationship, responsibility";
    private static final String PROBLEM_COLUMNS = "file, line, external_id, field, message_key, detail";
    /** The links as settled against the registry (roster_guardianship, once its refused links are left out). */
    private static final String GUARDIANSHIP_COLUMNS = "n, file, line, from_id, to_id, guardian_id, child_id, relationship, responsibility";
    private static final String GUARDIANSHIP_TYPES = "n bigint, file text, line bigint, from_id text, to_id text, guardian_id text, "
            + "child_id text, relationship text, responsibility boolean";

    /** The staging tables a preview keeps for its import (roster_x kept as roster_kept_x) and their columns. */
    private static final Map<String, String> KEPT = Map.of("person", PERSON_COLUMNS + ", valid", "link", LINK_COLUMNS,
            "problem", PROBLEM_COLUMNS);

    private final JdbcClient jdbc;
    private final LocalDate today;
    private final Copies copies;
    private final Batch people;
    private final Batch links;
    private final Batch problems;
    private Set<RosterColumn> carried = EnumSet.noneOf(RosterColumn.class);
    /** The columns carried as every row's fingerprint spells them (written out once, not for each row). */
    private String carriedText = carried.toString();
    private boolean carriesLinks;

    /** Birth dates and roles given in files read before the people (OneRoster's demographics and roles). */
    private final Map<String, LocalDate> births = new HashMap<>();
    private final Map<String, OneRosterRole> roles = new HashMap<>();
    /** The registry's fingerprints by external id, read when the first person comes. */
    private Map<String, byte[]> known;
    private final RosterFingerprint fingerprint = new RosterFingerprint();
    /** The person read last, waiting for the links its row states (they come right after it). */
    private Pending pending;
    /** The ids of the rows staged, whole or bare, and those staged more than once (refused: an id twice). */
    private final Set<String> stagedIds = new HashSet<>();
    private final Set<String> twice = new HashSet<>();
    private boolean kindless;
    /** The ids of the rows staged bare, and the links their rows state, which need looking at only if an end changed. */
    private final Set<String> setAside = new HashSet<>();
    private final List<Object[]> linksSetAside = new ArrayList<>();
    /** The rows compared (not set aside) that change nothing, as {@link #summary} last counted them. */
    private int comparedUnchanged;
    /**
     * Whether every row to merge is of someone the registry lacks, as the preview found it and nothing changed since:
     * the merge then adds the rows the preview kept as they are.
     */
    private boolean everyoneNew;

    RosterStaging(JdbcClient jdbc, CopyManager copy, LocalDate today) {
        this.jdbc = jdbc;
        this.today = today;
        jdbc.sql("""
                create temporary table roster_person (
                    file text, line bigint, external_id text not null, kind text, given_name text, family_name text,
                    search_text text, birth_date date, class_name text, email text, phone text, language text,
                    job_function text, active boolean, relationship text, responsibility boolean, unchanged boolean not null,
                    fingerprint bytea, valid boolean default true
                ) on commit drop""").update();
        jdbc.sql("""
                create temporary table roster_link (file text, line bigint, from_id text, to_id text, relationship text,
                    responsibility boolean) on commit drop""").update();
        jdbc.sql("""
                create temporary table roster_problem (file text, line bigint, external_id text, field text, message_key text,
                    detail text, registry boolean not null default false) on commit drop""").update();
        copies = new Copies(copy);
        people = new Batch(copies, "roster_person (" + PERSON_COLUMNS + ")", STEP);
        links = new Batch(copies, "roster_link (" + LINK_COLUMNS + ")", BATCH);
        problems = new Batch(copies, "roster_problem (" + PROBLEM_COLUMNS + ")", BATCH);
    }

    @Override
    public void carries(Set<RosterColumn> columns, boolean links) {
        carried = EnumSet.copyOf(columns);
        carried.addAll(EnumSet.of(RosterColumn.KIND, RosterColumn.GIVEN_NAME, RosterColumn.FAMILY_NAME));
        carriedText = carried.toString();
        carriesLinks = links;
    }

    @Override
    public void person(StagedPerson person) {
        finishPending();
        pending = new Pending(person, new ArrayList<>());
    }

    /**
     * The person read last, with what other files said of them and the links their row states: staged bare when the
     * registry holds them as the row says (the same fingerprint), checked and staged whole otherwise.
     */
    private void finishPending() {
        if (pending == null) {
            return;
        }
        StagedPerson p = withOtherFiles(pending.person);
        byte[] print = fingerprint(p, pending.links);
        List<Object[]> stated = pending.links;
        pending = null;
        byte[] registry = registry().get(p.externalId());
        if (registry != null && Arrays.equals(registry, print)) {
            // Names, birth date, class and contacts are the registry's: only what counts and links them is staged.
            people.row(p.file(), p.line(), p.externalId(), p.kind() == null ? null : p.kind().name(),
                    null, null, null, null, null, null, null, null, null, p.active(),
                    p.relationship() == null ? null : p.relationship().name(), p.parentalResponsibility(), true, hex(print));
            staged(p.externalId(), p.kind());
            setAside.add(p.externalId());
            linksSetAside.addAll(stated);
        } else {
            check(p, print);
            stated.forEach(links::row);
        }
    }

    private void staged(String externalId, PersonKind kind) {
        if (!stagedIds.add(externalId)) {
            twice.add(externalId);
        }
        kindless |= kind == null;
    }

    /** The row completed by the files read before it: a role (OneRoster 1.2) sets the kind, demographics the birth date. */
    private StagedPerson withOtherFiles(StagedPerson p) {
        OneRosterRole role = roles.get(p.externalId());
        LocalDate birth = births.getOrDefault(p.externalId(), p.birthDate());
        if (role == null) {
            return birth == p.birthDate() ? p : new StagedPerson(p.file(), p.line(), p.externalId(), p.kind(), p.givenName(),
                    p.familyName(), birth, p.className(), p.email(), p.phone(), p.language(), p.jobFunction(), p.active(),
                    p.relationship(), p.parentalResponsibility());
        }
        return new StagedPerson(p.file(), p.line(), p.externalId(), role.kind(), p.givenName(), p.familyName(), birth, p.className(),
                p.email(), p.phone(), p.language(), p.jobFunction() != null ? p.jobFunction() : role.jobFunction(), p.active(),
                p.relationship() != null ? p.relationship() : role.relationship(),
                p.parentalResponsibility() != null ? p.parentalResponsibility() : role.parentalResponsibility());
    }

    /** Everything of the row that makes what an import writes: which fields the files carry, the person, their links. */
    private byte[] fingerprint(StagedPerson p, List<Object[]> stated) {
        fingerprint.add(carriedText).add(carriesLinks).add(p.externalId()).add(p.kind()).add(p.givenName()).add(p.familyName())
                .add(p.birthDate()).add(p.className()).add(p.email()).add(p.phone()).add(p.language()).add(p.jobFunction())
                .add(p.active()).add(p.relationship()).add(p.parentalResponsibility());
        for (Object[] link : stated) {
            fingerprint.add(link[3]).add(link[4]).add(link[5]);
        }
        return fingerprint.done();
    }

    /** The fingerprints the registry keeps, by external id (only people an import wrote and nothing changed since). */
    private Map<String, byte[]> registry() {
        if (known == null) {
            pause();
            known = new HashMap<>();
            jdbc.sql("select external_id, import_fingerprint from person where import_fingerprint is not null")
                    .query((RowCallbackHandler) rs -> known.put(rs.getString(1), rs.getBytes(2)));
        }
        return known;
    }

    private void check(StagedPerson p, byte[] print) {
        PersonRules.Checked checked = PersonRules.check(new PersonDetails(p.kind() == null ? PersonKind.STAFF : p.kind(),
                p.givenName(), p.familyName(), p.birthDate(), p.className(), p.email(), p.phone(), p.language(), p.jobFunction(),
                p.externalId()), today);
        // A student's birth date may come from another file (OneRoster's demographics) or already be in the registry:
        // whether one is missing is decided once all files are read.
        Map<String, String> found = checked.acceptable() ? Map.of() : checked.problems().entrySet().stream()
                .filter(e -> !e.getValue().equals("people.birthDate.required"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        if (!found.isEmpty()) {
            found.forEach((field, key) -> problem(p.file(), p.line(), p.externalId(), field, key, shown(p, field)));
            return;
        }
        PersonDetails d = checked.details();
        people.row(p.file(), p.line(), d.externalId(), p.kind() == null ? null : p.kind().name(), d.givenName(), d.familyName(),
                SearchText.fold(d.givenName() + " " + d.familyName()), d.birthDate(), d.className(), d.email(), d.phone(),
                d.language(), d.jobFunction(), p.active(), p.relationship() == null ? null : p.relationship().name(),
                p.parentalResponsibility(), false, hex(print));
        staged(d.externalId(), p.kind());
    }

    /** A bytea as COPY reads it. */
    private static String hex(byte[] bytes) {
        return "\\x" + HexFormat.of().formatHex(bytes);
    }

    /** A person as read, and the links their row states (rows of roster_link), until the next person comes. */
    private record Pending(StagedPerson person, List<Object[]> links) {
    }

    /** The offending value as the row had it, to name it in the message (never markup: shown as text anyway). */
    private static String shown(StagedPerson p, String field) {
        String value = switch (field) {
            case "givenName" -> p.givenName();
            case "familyName" -> p.familyName();
            case "birthDate" -> p.birthDate() == null ? null : p.birthDate().toString();
            case "email" -> p.email();
            case "phone" -> p.phone();
            case "language" -> p.language();
            case "className" -> p.className();
            case "jobFunction" -> p.jobFunction();
            case "externalId" -> p.externalId();
            default -> null;
        };
        return RosterImportRecords.clipped(value, 121);
    }

    @Override
    public void birthDate(String file, long line, String externalId, LocalDate birthDate) {
        PersonRules.birthDate(null, birthDate, today).ifPresentOrElse(
                key -> problem(file, line, externalId, "birthDate", key, birthDate.toString()),
                () -> births.put(externalId, birthDate));
    }

    @Override
    public void role(String file, long line, String externalId, OneRosterRole role) {
        roles.put(externalId, role);
    }

    @Override
    public void link(String file, long line, String fromExternalId, String toExternalId, Relationship relationship,
            Boolean parentalResponsibility) {
        Object[] row = {file, line, fromExternalId, toExternalId, relationship == null ? null : relationship.name(), parentalResponsibility};
        if (pending != null && pending.person.line() == line && pending.person.file().equals(file)
                && pending.person.externalId().equals(fromExternalId)) {
            pending.links.add(row);
        } else {
            links.row(row);
        }
    }

    @Override
    public void problem(String file, long line, String externalId, String field, String key, String detail) {
        problems.row(file, line, externalId == null ? NO_ID : externalId, field, key,
                RosterImportRecords.clipped(detail, 300));
    }

    /** The connection is needed for another statement while the files are read: the COPY under way ends first. */
    void pause() {
        copies.end();
    }

    /** The reading stopped half-way (a file refused, an error): no COPY is left under way on the connection. */
    void abandon() {
        copies.cancel();
    }

    /**
     * Everything read: completes the staged rows with what other files said and sets aside the rows that cannot be
     * taken whatever the registry holds (an id twice, a person of no kind).
     */
    void settleFile() {
        finishPending();
        // A link between two people the registry holds as the file says them is in the registry as stated: nothing
        // checks or compares it again. A row set aside stays aside from here on, unless its id comes twice.
        setAside.removeAll(twice);
        for (Object[] link : linksSetAside) {
            if (!setAside.contains((String) link[2]) || !setAside.contains((String) link[3])) {
                links.row(link);
            }
        }
        boolean duplicates = !twice.isEmpty();
        for (Collection<?> done : List.of(births.keySet(), roles.keySet(), stagedIds, twice, setAside, linksSetAside)) {
            done.clear();
        }
        known = null;
        for (Batch batch : new Batch[] {people, links, problems}) {
            batch.flush();
        }
        copies.end();
        indexed();
        if (kindless) {
            invalidate("kind", "people.kind.required", "s.kind is null", "null", false);
        }
        if (duplicates) {
            invalidate("externalId", "people.import.externalId.duplicate", """
                    s.external_id in (select external_id from roster_person group by external_id having count(*) > 1)""", "s.external_id", false);
        }
    }

    /** Keeps the settled rows for the import that follows the preview (see {@link #restore}). */
    void keep(UUID importId, RosterStage stage) {
        stage.forget(importId);
        KEPT.forEach((table, columns) -> stage.keep(importId, table, columns));
    }

    /** The rows a preview settled and kept, in place of reading the files again; then {@link #settleRegistry}. */
    void restore(UUID importId, RosterStage stage, Set<RosterColumn> columns, boolean links) {
        KEPT.forEach((table, kept) -> stage.restore(importId, table, kept));
        carries(columns, links);
        indexed();
    }

    /**
     * Keeps, beside the rows {@link #keep} kept, what the preview settled against the registry and counted (after
     * {@link #summary}): the links as resolved, the rows and links the registry refused, the people and links a full
     * list removes. An import that finds the registry unchanged since merges them as they are ({@link #restoreSettled}).
     */
    void keepSettled(UUID importId, RosterStage stage, boolean full) {
        stage.keep(importId, "guardianship", GUARDIANSHIP_COLUMNS, "roster_guardianship");
        stage.keep(importId, "verdict", PROBLEM_COLUMNS, "roster_problem where registry");
        List<String> removals = new ArrayList<>();
        if (full) {
            removals.add("select id as person_id, null::uuid as guardian_id, null::uuid as child_id from roster_absent");
        }
        if (full && carriesLinks) {
            removals.add("select null::uuid, guardian_id, child_id from roster_removed_link");
        }
        if (!removals.isEmpty()) {
            stage.keep(importId, "removal", "person_id, guardian_id, child_id", "(" + String.join(" union all ", removals) + ") removals");
        }
    }

    /**
     * The rows and verdicts a preview kept ({@link #keep}, {@link #keepSettled}), in place of reading the files and
     * checking them against a registry that has not changed since: then {@link #merge} with the preview's summary.
     */
    void restoreSettled(UUID importId, RosterStage stage, Set<RosterColumn> columns, boolean links, RosterSummary previewed) {
        stage.restore(importId, "problem", PROBLEM_COLUMNS);
        stage.restore(importId, "verdict", "roster_problem (" + PROBLEM_COLUMNS + ", registry)", "r.*, true", "true");
        // No row of someone the registry holds (changed, unchanged or deactivated by its row): every row merged adds a person.
        everyoneNew = previewed.changedPeople() == 0 && previewed.unchangedPeople() == 0 && previewed.deactivatedPeople() == 0;
        carries(columns, links);
        // Only additions: the merge reads the kept rows as it adds them, none restored first.
        if (!everyoneNew) {
            // A row set aside as the registry holds it merges nothing, unless a problem of its line drops its
            // fingerprint: only the others come back (a re-import of a roster barely changed restores a few rows).
            stage.restore(importId, "person", "roster_person (" + PERSON_COLUMNS + ", valid)", "r.*",
                    "(not r.unchanged or (r.file, r.line) in (select file, line from roster_problem))");
            jdbc.sql("""
                    update roster_person s set valid = false from roster_problem x
                     where %s and x.file = s.file and x.line = s.line and s.valid""".formatted(ROW_REFUSED)).update();
            indexed();
        }
        jdbc.sql("create temporary table roster_guardianship (" + GUARDIANSHIP_TYPES + ") on commit drop").update();
        stage.restore(importId, "guardianship", "roster_guardianship", "r.*", "true");
        jdbc.sql("create temporary table roster_absent (id uuid) on commit drop").update();
        jdbc.sql("create temporary table roster_removed_link (guardian_id uuid, child_id uuid) on commit drop").update();
        stage.restore(importId, "removal", "roster_absent", "r.person_id", "r.person_id is not null");
        stage.restore(importId, "removal", "roster_removed_link", "r.guardian_id, r.child_id", "r.guardian_id is not null");
        jdbc.sql("analyze roster_guardianship").update();
        // At most this many rows compared change nothing: the fingerprints kept are looked for among the few rows restored.
        comparedUnchanged = previewed.unchangedPeople();
    }

    /** A verdict of the registry on a row itself (a refused link names the row stating it, which stays). */
    private static final String ROW_REFUSED = "x.registry and x.field <> 'link'";

    /** The columns the files carry (with kind and names) and whether they list links: what {@link #restore} needs. */
    Set<RosterColumn> carried() {
        return EnumSet.copyOf(carried);
    }

    boolean carriesLinks() {
        return carriesLinks;
    }

    // Indexed and analysed: every join of a staging table is then an index probe or a hash whatever the registry's
    // statistics say (they lag behind by a minute or more after a large import, and planned on them a join without an
    // index became a nested loop over the materialised rows, 75,000 x 75,000).
    private void indexed() {
        jdbc.sql("create index on roster_person (external_id)").update();
        jdbc.sql("create index on roster_problem (external_id)").update();
        jdbc.sql("analyze roster_person").update();
        jdbc.sql("analyze roster_link").update();
    }

    /**
     * Sets aside the rows that the registry makes unacceptable (a student without a birth date in the file or the
     * registry, a link to nobody, a link between two students), and resolves who is whose guardian. Run by the preview
     * and again by the import: the registry may have changed in between.
     */
    void settleRegistry() {
        // A person whose data is restricted (GDPR Art. 18) is kept as it is: the file changes nothing of them, links included.
        invalidate("externalId", "people.import.restricted", """
                not s.unchanged and exists (select 1 from person p where p.external_id = s.external_id and p.restricted_since is not null)""", "null", true);
        invalidate("birthDate", "people.birthDate.required", """
                not s.unchanged and s.kind = 'STUDENT' and s.birth_date is null
                and not exists (select 1 from person p where p.external_id = s.external_id and p.birth_date is not null)""", "null", true);
        jdbc.sql("""
                create temporary table roster_guardianship on commit drop as
                with ends as (
                    select l.*, coalesce(sf.kind, pf.kind) as from_kind, coalesce(st.kind, pt.kind) as to_kind,
                           sf.relationship as from_relationship, sf.responsibility as from_responsibility,
                           st.relationship as to_relationship, st.responsibility as to_responsibility,
                           pf.restricted_since is not null or pt.restricted_since is not null as end_restricted,
                           l.from_id in (select external_id from roster_problem) or l.to_id in (select external_id from roster_problem)
                               as end_refused
                      from roster_link l
                      left join roster_person sf on sf.external_id = l.from_id and sf.valid
                      left join person pf on pf.external_id = l.from_id
                      left join roster_person st on st.external_id = l.to_id and st.valid
                      left join person pt on pt.external_id = l.to_id
                )
                select row_number() over (order by file, line) as n, file, line, from_id, to_id,
                       case when from_kind = 'GUARDIAN' and to_kind = 'STUDENT' then from_id
                            when from_kind = 'STUDENT' and to_kind = 'GUARDIAN' then to_id end as guardian_id,
                       case when from_kind = 'GUARDIAN' and to_kind = 'STUDENT' then to_id
                            when from_kind = 'STUDENT' and to_kind = 'GUARDIAN' then from_id end as child_id,
                       case when from_kind = 'GUARDIAN' then coalesce(relationship, from_relationship, 'PARENT')
                            else coalesce(relationship, to_relationship, 'PARENT') end as relationship,
                       case when from_kind = 'GUARDIAN' then coalesce(responsibility, from_responsibility, true)
                            else coalesce(responsibility, to_responsibility, true) end as responsibility,
                       case when from_id = to_id then 'people.import.link.cycle'
                            when end_restricted then 'people.import.link.restricted'
                            when (from_kind is null or to_kind is null) and end_refused then 'people.import.link.refusedRow'
                            when from_kind is null or to_kind is null then 'people.import.link.unknown'
                            when from_kind = to_kind and exists (select 1 from roster_link r
                                 where r.from_id = ends.to_id and r.to_id = ends.from_id) then 'people.import.link.cycle'
                            when not (from_kind, to_kind) in (('GUARDIAN', 'STUDENT'), ('STUDENT', 'GUARDIAN'))
                                 then 'people.import.link.kinds' end as problem
                  from ends""").update();
        jdbc.sql("""
                insert into roster_problem (file, line, external_id, field, message_key, detail, registry)
                select file, line, '', 'link', problem, from_id || ' → ' || to_id, true from roster_guardianship where problem is not null""")
                .update();
        jdbc.sql("delete from roster_guardianship where problem is not null").update();
        jdbc.sql("create index on roster_guardianship (guardian_id, child_id)").update();
        // A link stated on both sides (OneRoster lists it on the child and on the guardian) is one link: the first
        // statement of it counts.
        jdbc.sql("""
                delete from roster_guardianship g
                 where exists (select 1 from roster_guardianship h
                                where h.guardian_id = g.guardian_id and h.child_id = g.child_id and h.n < g.n)""")
                .update();
        jdbc.sql("analyze roster_guardianship").update();
    }

    /**
     * Sets aside the valid staged rows that meet the condition and says why, in one pass over the staged people; a
     * refusal the {@code registry} makes is also kept apart (see {@link #keepSettled}).
     */
    private void invalidate(String field, String key, String condition, String detail, boolean registry) {
        jdbc.sql("with refused as (update roster_person s set valid = false where s.valid and " + condition
                + " returning s.file, s.line, s.external_id, " + detail + "::text as detail) "
                + "insert into roster_problem (file, line, external_id, field, message_key, detail, registry) "
                + "select file, line, external_id, '" + field + "', '" + key + "', detail, " + registry + " from refused").update();
    }


    /** What applying would do (before {@link #merge}) in this mode; each part said done to {@code step}. */
    RosterSummary summary(boolean full, Consumer<String> step) {
        Map<String, Object> counts = jdbc.sql("""
                select count(*) filter (where p.id is null) as new_people,
                       count(*) filter (where p.id is not null and not (p.active and not s.active)
                                        and ((%1$s) or (not p.active and s.active))) as changed,
                       count(*) filter (where p.id is not null and not ((%1$s) or p.active <> s.active)) as unchanged,
                       count(*) filter (where p.active and not s.active) as deactivated
                  from roster_person s left join person p on p.external_id = s.external_id
                 where s.valid and not s.unchanged""".formatted(changedCondition())).query().singleRow();
        long settled = jdbc.sql("select count(*) from roster_person where valid and unchanged").query(Long.class).single();
        comparedUnchanged = count(counts.get("unchanged"));
        step.accept("people compared");
        long absent = full ? leftOut() : 0;
        step.accept("absences found");
        Map<String, Object> linkCounts = jdbc.sql("""
                select count(*) filter (where l.guardian_id is null) as new_links,
                       count(*) filter (where l.guardian_id is not null
                                        and (l.relationship, l.parental_responsibility) is distinct from (g.relationship, g.responsibility))
                           as changed_links
                  from roster_guardianship g
                  left join person pg on pg.external_id = g.guardian_id
                  left join person pc on pc.external_id = g.child_id
                  left join guardianship l on l.guardian_id = pg.id and l.child_id = pc.id""").query().singleRow();
        step.accept("links compared");
        long removed = full && carriesLinks ? linksLeftOut() : 0;
        step.accept("links left out found");
        long invalid = jdbc.sql("select count(distinct (file, line)) from roster_problem").query(Long.class).single();
        return new RosterSummary(count(counts.get("new_people")), count(counts.get("changed")),
                count(counts.get("unchanged")) + (int) settled, count(counts.get("deactivated")) + (int) absent,
                count(linkCounts.get("new_links")), count(linkCounts.get("changed_links")), (int) removed, (int) invalid);
    }

    /**
     * In a full list: the imported people of the kinds it lists who are no longer in it (rows left out do not count),
     * in {@code roster_absent}; how many. The registry's people not in the file at all are in {@code roster_unlisted}.
     */
    private long leftOut() {
        jdbc.sql("drop table if exists roster_unlisted, roster_absent").update();
        jdbc.sql("""
                create temporary table roster_unlisted on commit drop as
                select p.id, p.external_id, p.kind, p.active, p.restricted_since from person p
                 where p.external_id is not null and not exists (select 1 from roster_person s where s.external_id = p.external_id)""")
                .update();
        return jdbc.sql("""
                create temporary table roster_absent on commit drop as
                select u.id from roster_unlisted u
                 where u.active and u.restricted_since is null
                   and u.kind in (select distinct kind from roster_person where kind is not null)
                   and not exists (select 1 from roster_problem x where x.external_id = u.external_id)""").update();
    }

    /**
     * In a full list that carries links: the links between two imported people, about a child of the file, no longer
     * in it, in {@code roster_removed_link}; how many. Only a link with an end the file changes or leaves out can be
     * one: a link between two people the file leaves as the registry holds them is stated as before. Compared by
     * external ids, each link looked up in the indexed staged links.
     */
    private long linksLeftOut() {
        jdbc.sql("drop table if exists roster_removed_link").update();
        return jdbc.sql("create temporary table roster_removed_link on commit drop as " + LINKS_LEFT_OUT).update();
    }

    private static final String LINKS_LEFT_OUT = """
            with touched as (
                select l.guardian_id, l.child_id from roster_person s
                  join person pc on pc.external_id = s.external_id join guardianship l on l.child_id = pc.id
                 where s.valid and not s.unchanged
                union
                select l.guardian_id, l.child_id from roster_person s
                  join person pg on pg.external_id = s.external_id join guardianship l on l.guardian_id = pg.id
                 where not (s.valid and s.unchanged)
                union
                select l.guardian_id, l.child_id from roster_unlisted u join guardianship l on l.guardian_id = u.id
            )
            select t.guardian_id, t.child_id from touched t
              join person pc on pc.id = t.child_id join person pg on pg.id = t.guardian_id
             where pg.external_id is not null and pc.restricted_since is null and pg.restricted_since is null
               and exists (select 1 from roster_person s where s.external_id = pc.external_id and s.valid)
               and not exists (select 1 from roster_guardianship g
                                where g.guardian_id = pg.external_id and g.child_id = pc.external_id)""";

    /**
     * Applies the staged rows to the registry: new people, changed fields, deactivations, links. The summary, counted
     * in this transaction just before, spares the statements that would find nothing to do (each costs a pass over the
     * tenant's people or links).
     */
    void merge(boolean full, UUID importId, RosterSummary summary, Consumer<String> step) {
        // The ids of the people links will name, as they are added or found (see links()).
        jdbc.sql("create temporary table roster_ids (external_id text, id uuid) on commit drop").update();
        if (summary.newPeople() > 0) {
            jdbc.sql("""
                    with added as (
                        insert into person (tenant_id, id, kind, given_name, family_name, search_text, birth_date, class_name, email,
                                            phone, language, job_function, external_id, active, last_import_id, import_fingerprint)
                        select (select current_tenant_id()), gen_random_uuid(), s.kind, s.given_name, s.family_name, s.search_text, s.birth_date,
                               s.class_name, s.email, s.phone, s.language, s.job_function, s.external_id, s.active, ?, %s
                          from %s
                         where s.valid and not s.unchanged %s
                        returning external_id, id)
                    insert into roster_ids select external_id, id from added""".formatted(STORED_FINGERPRINT,
                    !everyoneNew ? "roster_person s" : """
                            (select r.* from roster_kept_person k, unnest(k.rows) r
                              where k.import_id = ? and (r.file, r.line) not in (select x.file, x.line from roster_problem x where %s)) s"""
                            .formatted(ROW_REFUSED),
                    everyoneNew ? "" : "and not exists (select 1 from person p where p.external_id = s.external_id)"))
                    .params(everyoneNew ? new Object[] {importId, importId} : new Object[] {importId}).update();
            step.accept("people added");
        }
        if (summary.changedPeople() + summary.deactivatedPeople() > 0) {
            String assignments = carried.stream().map(c -> c == RosterColumn.BIRTH_DATE
                            ? "birth_date = coalesce(s.birth_date, p.birth_date)" : c.sql + " = s." + c.sql)
                    .collect(Collectors.joining(", "));
            jdbc.sql("update person p set " + assignments + ", search_text = s.search_text, active = s.active, updated_at = now(), "
                    + "last_import_id = ?, import_fingerprint = " + STORED_FINGERPRINT + " from roster_person s "
                    + "where s.valid and not s.unchanged and p.external_id = s.external_id and ((" + changedCondition()
                    + ") or p.active is distinct from s.active)").param(importId).update();
            if (full) {
                jdbc.sql("update person p set active = false, updated_at = now(), last_import_id = ? "
                        + "where p.id in (select id from roster_absent)").param(importId).update();
            }
            step.accept("people changed");
        }
        if (comparedUnchanged + summary.invalidRows() > 0) {
            // The rows that change nothing but the fingerprint: the registry already said what they say (a first import
            // since fingerprints, a change made by hand and made again in the file), or a link they state is refused now.
            jdbc.sql("""
                    update person p set import_fingerprint = %s from roster_person s
                     where s.valid and p.external_id = s.external_id and p.import_fingerprint is distinct from %1$s
                       and (not s.unchanged or %2$s)"""
                    .formatted(STORED_FINGERPRINT, LINE_WITH_PROBLEM)).update();
            step.accept("fingerprints kept");
        }
        // The links written here are what the rows say: the fingerprints of the people they join stay.
        jdbc.sql("select set_config('tutela.roster_merge', 'on', true)").query(String.class).single();
        if (summary.newLinks() + summary.changedLinks() > 0) {
            links(summary, step);
            step.accept("links added");
        }
        if (full && carriesLinks && summary.removedLinks() > 0) {
            jdbc.sql("delete from guardianship l using roster_removed_link r where l.guardian_id = r.guardian_id and l.child_id = r.child_id")
                    .update();
            step.accept("links removed");
        }
        jdbc.sql("select set_config('tutela.roster_merge', '', true)").query(String.class).single();
    }

    /** The staged row {@code s} has a problem on its line (one of its links refused, for a row still merged). */
    private static final String LINE_WITH_PROBLEM = "(s.file, s.line) in (select x.file, x.line from roster_problem x)";

    /**
     * The fingerprint a merged row leaves in the registry: none when a link its row states was refused (the row must
     * be looked at again by the next import, to say so again).
     */
    private static final String STORED_FINGERPRINT = """
            case when %s then null else s.fingerprint end""".formatted(LINE_WITH_PROBLEM);

    /** Writes the links that are new or say something new: an unchanged link is not written again. */
    private void links(RosterSummary summary, Consumer<String> step) {
        // The ids of everyone a link names, in a table of this transaction with fresh statistics: the registry's lag
        // behind the rows just added, and a join planned on them would loop. The people just added are there already;
        // only the others are looked up.
        jdbc.sql("""
                insert into roster_ids
                select p.external_id, p.id from person p
                 where p.external_id in (select guardian_id from roster_guardianship union select child_id from roster_guardianship
                                         except select external_id from roster_ids)""").update();
        jdbc.sql("analyze roster_ids").update();
        step.accept("link ends found");
        if (summary.changedLinks() > 0) {
            jdbc.sql("""
                    update guardianship l set relationship = g.relationship, parental_responsibility = g.responsibility
                      from roster_guardianship g
                      join roster_ids ig on ig.external_id = g.guardian_id
                      join roster_ids ic on ic.external_id = g.child_id
                     where l.guardian_id = ig.id and l.child_id = ic.id
                       and (l.relationship, l.parental_responsibility) is distinct from (g.relationship, g.responsibility)""").update();
        }
        if (summary.newLinks() > 0) {
            // A plain insert, not an upsert: the new links are those the registry lacks, counted in this transaction or by
            // a preview that nothing changed the registry since. When everyone merged is new, so is every link: each
            // joins the person whose row states it.
            jdbc.sql("""
                    insert into guardianship (tenant_id, guardian_id, child_id, relationship, parental_responsibility)
                    select (select current_tenant_id()), ig.id, ic.id, g.relationship, g.responsibility
                      from roster_guardianship g
                      join roster_ids ig on ig.external_id = g.guardian_id
                      join roster_ids ic on ic.external_id = g.child_id"""
                    + (everyoneNew ? "" : " where not exists (select 1 from guardianship l where l.guardian_id = ig.id and l.child_id = ic.id)"))
                    .update();
        }
    }

    /** Keeps the rows left out, for the person to read and download (at most this many). */
    void keepProblems(UUID importId, int max) {
        jdbc.sql("delete from roster_import_problem where import_id = ?").param(importId).update();
        jdbc.sql("""
                insert into roster_import_problem (tenant_id, import_id, seq, file_name, line, field, message_key, detail)
                select current_tenant_id(), ?, row_number() over (order by file, line, field), file, line, field, message_key, detail
                  from roster_problem order by file, line, field limit ?""").params(importId, max).update();
    }

    /** A field the file carries differs from the registry's (a birth date left empty in the file keeps the registry's). */
    private String changedCondition() {
        String registry = carried.stream().map(c -> "p." + c.sql).collect(Collectors.joining(", "));
        String file = carried.stream().map(c -> c == RosterColumn.BIRTH_DATE ? "coalesce(s.birth_date, p.birth_date)" : "s." + c.sql)
                .collect(Collectors.joining(", "));
        return "(" + registry + ", '') is distinct from (" + file + ", '')";
    }

    private static int count(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }

    /**
     * The connection's one COPY at a time, kept open while the same table's rows keep coming: the database stores
     * them while the files are read further (the socket's buffer between the two), instead of waiting for a batch.
     */
    private static final class Copies {

        private final CopyManager copy;
        private CopyIn open;
        private String openTo;

        Copies(CopyManager copy) {
            this.copy = copy;
        }

        void send(String sql, CharSequence rows) {
            byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
            try {
                if (!sql.equals(openTo)) {
                    end();
                    open = copy.copyIn(sql);
                    openTo = sql;
                }
                open.writeToCopy(bytes, 0, bytes.length);
            } catch (SQLException e) {
                throw new IllegalStateException("Staging a roster failed: " + e.getMessage(), e);
            }
        }

        /** Cancels the COPY under way, if any (the reading failed): the connection is free to say why. */
        void cancel() {
            if (open != null && open.isActive()) {
                try {
                    open.cancelCopy();
                } catch (SQLException ignored) {
                    // The transaction is failing anyway; what matters is the connection out of COPY.
                }
            }
            open = null;
            openTo = null;
        }

        /** Ends the COPY under way: the connection is free for other statements. */
        void end() {
            if (open == null) {
                return;
            }
            try {
                open.endCopy();
            } catch (SQLException e) {
                throw new IllegalStateException("Staging a roster failed: " + e.getMessage(), e);
            } finally {
                open = null;
                openTo = null;
            }
        }
    }

    /**
     * Rows for one staging table, sent to {@link Copies} whenever this many characters are waiting: memory stays flat,
     * and a table whose rows come one after the other (the people) is streamed in small steps.
     */
    private static final class Batch {

        private final Copies copies;
        private final String sql;
        private final int size;
        private final StringBuilder text;
        private final CSVPrinter printer;

        Batch(Copies copies, String target, int size) {
            this.copies = copies;
            this.sql = "COPY " + target + " FROM STDIN (FORMAT csv)";
            this.size = size;
            this.text = new StringBuilder(size + 4096);
            try {
                this.printer = CSVFormat.POSTGRESQL_CSV.print(text);
            } catch (IOException cannotHappen) {
                throw new UncheckedIOException(cannotHappen);
            }
        }

        void row(Object... values) {
            try {
                printer.printRecord(values);
            } catch (IOException cannotHappen) {
                throw new UncheckedIOException(cannotHappen);
            }
            if (text.length() >= size) {
                flush();
            }
        }

        void flush() {
            if (!text.isEmpty()) {
                copies.send(sql, text);
                text.setLength(0);
            }
        }
    }
}
