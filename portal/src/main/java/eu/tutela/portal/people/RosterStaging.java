package eu.tutela.portal.people;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A roster import done the set-based way: rows are checked one by one as the readers stream them (the same rules as
 * the registration form), streamed with {@code COPY} into temporary tables of this transaction, then checked as a
 * whole (duplicated ids, links to nobody, link cycles) and compared with or merged into the registry in a few SQL
 * statements. The temporary tables vanish with the transaction: a crash leaves nothing behind.
 */
final class RosterStaging implements RosterSink {

    /** Rows are sent to the database in COPY batches of about this many characters: memory stays flat. */
    private static final int BATCH = 1 << 20;
    private static final String NO_ID = "";

    /** The staging tables a preview keeps for its import, the others being folded into them by then. */
    private static final List<String> KEPT = List.of("roster_person", "roster_link", "roster_problem");

    private final JdbcClient jdbc;
    private final CopyManager copy;
    private final LocalDate today;
    private final Batch people;
    private final Batch births;
    private final Batch roles;
    private final Batch links;
    private final Batch problems;
    private Set<RosterColumn> carried = EnumSet.noneOf(RosterColumn.class);
    private boolean carriesLinks;

    RosterStaging(JdbcClient jdbc, CopyManager copy, LocalDate today) {
        this.jdbc = jdbc;
        this.copy = copy;
        this.today = today;
        jdbc.sql("""
                create temporary table roster_person (
                    file text, line bigint, external_id text not null, kind text, given_name text, family_name text,
                    search_text text, birth_date date, class_name text, email text, phone text, language text,
                    job_function text, active boolean, relationship text, responsibility boolean, valid boolean default true
                ) on commit drop""").update();
        jdbc.sql("create temporary table roster_birth (file text, line bigint, external_id text, birth_date date) on commit drop").update();
        jdbc.sql("""
                create temporary table roster_role (file text, line bigint, external_id text, kind text, job_function text,
                    relationship text, responsibility boolean) on commit drop""").update();
        jdbc.sql("""
                create temporary table roster_link (file text, line bigint, from_id text, to_id text, relationship text,
                    responsibility boolean) on commit drop""").update();
        jdbc.sql("""
                create temporary table roster_problem (file text, line bigint, external_id text, field text, message_key text,
                    detail text) on commit drop""").update();
        people = new Batch(copy, "roster_person (file, line, external_id, kind, given_name, family_name, search_text, birth_date, "
                + "class_name, email, phone, language, job_function, active, relationship, responsibility)");
        births = new Batch(copy, "roster_birth (file, line, external_id, birth_date)");
        roles = new Batch(copy, "roster_role (file, line, external_id, kind, job_function, relationship, responsibility)");
        links = new Batch(copy, "roster_link (file, line, from_id, to_id, relationship, responsibility)");
        problems = new Batch(copy, "roster_problem (file, line, external_id, field, message_key, detail)");
    }

    @Override
    public void carries(Set<RosterColumn> columns, boolean links) {
        carried = EnumSet.copyOf(columns);
        carried.addAll(EnumSet.of(RosterColumn.KIND, RosterColumn.GIVEN_NAME, RosterColumn.FAMILY_NAME));
        carriesLinks = links;
    }

    @Override
    public void person(StagedPerson p) {
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
                p.parentalResponsibility());
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
                () -> births.row(file, line, externalId, birthDate));
    }

    @Override
    public void role(String file, long line, String externalId, OneRosterRole role) {
        roles.row(file, line, externalId, role.kind().name(), role.jobFunction(),
                role.relationship() == null ? null : role.relationship().name(), role.parentalResponsibility());
    }

    @Override
    public void link(String file, long line, String fromExternalId, String toExternalId, Relationship relationship,
            Boolean parentalResponsibility) {
        links.row(file, line, fromExternalId, toExternalId, relationship == null ? null : relationship.name(), parentalResponsibility);
    }

    @Override
    public void problem(String file, long line, String externalId, String field, String key, String detail) {
        problems.row(file, line, externalId == null ? NO_ID : externalId, field, key,
                RosterImportRecords.clipped(detail, 300));
    }

    /**
     * Everything read: completes the staged rows with what other files said and sets aside the rows that cannot be
     * taken whatever the registry holds (an id twice, a person of no kind).
     */
    void settleFile() {
        for (Batch batch : new Batch[] {people, births, roles, links, problems}) {
            batch.flush();
        }
        indexed();
        jdbc.sql("""
                update roster_person s set kind = r.kind, job_function = coalesce(s.job_function, r.job_function),
                       relationship = coalesce(s.relationship, r.relationship), responsibility = coalesce(s.responsibility, r.responsibility)
                  from roster_role r where r.external_id = s.external_id""").update();
        jdbc.sql("update roster_person s set birth_date = b.birth_date from roster_birth b where b.external_id = s.external_id").update();
        invalidate("kind", "people.kind.required", "s.kind is null", "null");
        invalidate("externalId", "people.import.externalId.duplicate", """
                s.external_id in (select external_id from roster_person group by external_id having count(*) > 1)""", "s.external_id");
    }

    /** Keeps the settled rows for the import that follows the preview (see {@link #restore}). */
    void keep(UUID importId, RosterStage stage) throws IOException {
        for (String table : KEPT) {
            stage.keep(importId, table, copy);
        }
    }

    /** The rows a preview settled and kept, in place of reading the files again; then {@link #settleRegistry}. */
    void restore(UUID importId, RosterStage stage, Set<RosterColumn> columns, boolean links) throws IOException {
        for (String table : KEPT) {
            stage.restore(importId, table, copy);
        }
        carries(columns, links);
        indexed();
    }

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
                exists (select 1 from person p where p.external_id = s.external_id and p.restricted_since is not null)""", "null");
        invalidate("birthDate", "people.birthDate.required", """
                s.kind = 'STUDENT' and s.birth_date is null
                and not exists (select 1 from person p where p.external_id = s.external_id and p.birth_date is not null)""", "null");
        jdbc.sql("""
                create temporary table roster_guardianship on commit drop as
                with ends as (
                    select l.*, coalesce(sf.kind, pf.kind) as from_kind, coalesce(st.kind, pt.kind) as to_kind,
                           sf.relationship as from_relationship, sf.responsibility as from_responsibility,
                           st.relationship as to_relationship, st.responsibility as to_responsibility,
                           exists (select 1 from roster_problem x where x.external_id in (l.from_id, l.to_id)) as end_refused
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
                            when exists (select 1 from person r where r.external_id in (from_id, to_id) and r.restricted_since is not null)
                                 then 'people.import.link.restricted'
                            when (from_kind is null or to_kind is null) and end_refused then 'people.import.link.refusedRow'
                            when from_kind is null or to_kind is null then 'people.import.link.unknown'
                            when from_kind = to_kind and exists (select 1 from roster_link r
                                 where r.from_id = ends.to_id and r.to_id = ends.from_id) then 'people.import.link.cycle'
                            when not (from_kind, to_kind) in (('GUARDIAN', 'STUDENT'), ('STUDENT', 'GUARDIAN'))
                                 then 'people.import.link.kinds' end as problem
                  from ends""").update();
        jdbc.sql("""
                insert into roster_problem (file, line, external_id, field, message_key, detail)
                select file, line, '', 'link', problem, from_id || ' → ' || to_id from roster_guardianship where problem is not null""")
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

    /** Sets aside the valid staged rows that meet the condition and says why, in one pass over the staged people. */
    private void invalidate(String field, String key, String condition, String detail) {
        jdbc.sql("with refused as (update roster_person s set valid = false where s.valid and " + condition
                + " returning s.file, s.line, s.external_id, " + detail + "::text as detail) "
                + "insert into roster_problem (file, line, external_id, field, message_key, detail) "
                + "select file, line, external_id, '" + field + "', '" + key + "', detail from refused").update();
    }


    /** What applying would do (before {@link #merge}) in this mode. */
    RosterSummary summary(boolean full) {
        String changed = changedCondition();
        Map<String, Object> counts = jdbc.sql("""
                select count(*) filter (where p.id is null) as new_people,
                       count(*) filter (where p.id is not null and not (p.active and not s.active)
                                        and ((%1$s) or (not p.active and s.active))) as changed,
                       count(*) filter (where p.id is not null and not ((%1$s) or p.active <> s.active)) as unchanged,
                       count(*) filter (where p.active and not s.active) as deactivated
                  from roster_person s left join person p on p.external_id = s.external_id
                 where s.valid""".formatted(changed)).query().singleRow();
        long absent = full ? jdbc.sql("select count(*) from person p where " + absentCondition()).query(Long.class).single() : 0;
        Map<String, Object> linkCounts = jdbc.sql("""
                select count(*) filter (where l.guardian_id is null) as new_links,
                       count(*) filter (where l.guardian_id is not null
                                        and (l.relationship, l.parental_responsibility) is distinct from (g.relationship, g.responsibility))
                           as changed_links
                  from roster_guardianship g
                  left join person pg on pg.external_id = g.guardian_id
                  left join person pc on pc.external_id = g.child_id
                  left join guardianship l on l.guardian_id = pg.id and l.child_id = pc.id""").query().singleRow();
        long removed = full && carriesLinks
                ? jdbc.sql("select count(*) from guardianship l, person pc, person pg where " + REMOVED_LINKS).query(Long.class).single() : 0;
        long invalid = jdbc.sql("select count(distinct (file, line)) from roster_problem").query(Long.class).single();
        return new RosterSummary(count(counts.get("new_people")), count(counts.get("changed")), count(counts.get("unchanged")),
                count(counts.get("deactivated")) + (int) absent, count(linkCounts.get("new_links")), count(linkCounts.get("changed_links")),
                (int) removed, (int) invalid);
    }

    /**
     * Applies the staged rows to the registry: new people, changed fields, deactivations, links. The summary, counted
     * in this transaction just before, spares the statements that would find nothing to do (each costs a pass over the
     * tenant's people or links).
     */
    void merge(boolean full, UUID importId, RosterSummary summary, Consumer<String> step) {
        if (summary.newPeople() > 0) {
            jdbc.sql("""
                    insert into person (tenant_id, id, kind, given_name, family_name, search_text, birth_date, class_name, email, phone,
                                        language, job_function, external_id, active, last_import_id)
                    select current_tenant_id(), gen_random_uuid(), s.kind, s.given_name, s.family_name, s.search_text, s.birth_date,
                           s.class_name, s.email, s.phone, s.language, s.job_function, s.external_id, s.active, ?
                      from roster_person s
                     where s.valid and not exists (select 1 from person p where p.external_id = s.external_id)""").param(importId).update();
            step.accept("people added");
        }
        if (summary.changedPeople() + summary.deactivatedPeople() > 0) {
            String assignments = carried.stream().map(c -> c == RosterColumn.BIRTH_DATE
                            ? "birth_date = coalesce(s.birth_date, p.birth_date)" : c.sql + " = s." + c.sql)
                    .collect(Collectors.joining(", "));
            jdbc.sql("update person p set " + assignments + ", search_text = s.search_text, active = s.active, updated_at = now(), "
                    + "last_import_id = ? from roster_person s where s.valid and p.external_id = s.external_id and ((" + changedCondition()
                    + ") or p.active is distinct from s.active)").param(importId).update();
            if (full) {
                jdbc.sql("update person p set active = false, updated_at = now(), last_import_id = ? where " + absentCondition())
                        .param(importId).update();
            }
            step.accept("people changed");
        }
        if (summary.newLinks() + summary.changedLinks() > 0) {
            links();
            step.accept("links added");
        }
        if (full && carriesLinks && summary.removedLinks() > 0) {
            jdbc.sql("delete from guardianship l using person pc, person pg where " + REMOVED_LINKS).update();
            step.accept("links removed");
        }
    }

    /** Writes the links that are new or say something new: an unchanged link is not written again. */
    private void links() {
        // The ids of everyone a link names, in a table of this transaction with fresh statistics: the registry's lag
        // behind the rows just added, and a join planned on them would loop.
        jdbc.sql("""
                create temporary table roster_ids on commit drop as
                select p.external_id, p.id from person p
                 where p.external_id in (select guardian_id from roster_guardianship union select child_id from roster_guardianship)""")
                .update();
        jdbc.sql("analyze roster_ids").update();
        jdbc.sql("""
                insert into guardianship (tenant_id, guardian_id, child_id, relationship, parental_responsibility)
                select current_tenant_id(), ig.id, ic.id, g.relationship, g.responsibility
                  from roster_guardianship g
                  join roster_ids ig on ig.external_id = g.guardian_id
                  join roster_ids ic on ic.external_id = g.child_id
                  left join guardianship l on l.guardian_id = ig.id and l.child_id = ic.id
                 where l.guardian_id is null
                    or (l.relationship, l.parental_responsibility) is distinct from (g.relationship, g.responsibility)
                on conflict (tenant_id, guardian_id, child_id) do update
                   set relationship = excluded.relationship, parental_responsibility = excluded.parental_responsibility""").update();
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

    /** In a full list: the imported people of the kinds it lists who are no longer in it (rows left out do not count). */
    private static String absentCondition() {
        return """
                p.active and p.external_id is not null and p.restricted_since is null
                and p.kind in (select distinct kind from roster_person where kind is not null)
                and not exists (select 1 from roster_person s where s.external_id = p.external_id)
                and not exists (select 1 from roster_problem x where x.external_id = p.external_id)""";
    }

    /**
     * In a full list that carries links: a link between two imported people, about a child of the file, no longer in it.
     * Compared by external ids, each link looked up in the indexed staged links (never the staged links resolved to
     * ids first and scanned for each link).
     */
    private static final String REMOVED_LINKS = """
            pc.id = l.child_id and pg.id = l.guardian_id and pg.external_id is not null
            and pc.restricted_since is null and pg.restricted_since is null
            and exists (select 1 from roster_person s where s.external_id = pc.external_id and s.valid)
            and not exists (select 1 from roster_guardianship g where g.guardian_id = pg.external_id and g.child_id = pc.external_id)""";

    private static int count(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }

    /** Rows for one staging table, sent with COPY in batches (one COPY at a time on the connection, so batch by batch). */
    private static final class Batch {

        private final CopyManager copy;
        private final String sql;
        private final StringBuilder text = new StringBuilder(BATCH + 4096);
        private final CSVPrinter printer;

        Batch(CopyManager copy, String target) {
            this.copy = copy;
            this.sql = "COPY " + target + " FROM STDIN (FORMAT csv)";
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
            if (text.length() >= BATCH) {
                flush();
            }
        }

        void flush() {
            if (text.isEmpty()) {
                return;
            }
            try {
                copy.copyIn(sql, new StringReader(text.toString()));
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("Staging a roster failed: " + e.getMessage(), e);
            }
            text.setLength(0);
        }
    }
}
