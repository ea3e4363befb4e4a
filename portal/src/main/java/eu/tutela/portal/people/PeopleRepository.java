package eu.tutela.portal.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The people tables of the tenant bound to the transaction (row-level security sees to the tenant). */
@Repository
class PeopleRepository {

    private static final String COLUMNS = """
            id, kind, given_name, family_name, birth_date, class_name, email, phone, language, job_function, external_id,
            active, account_user_id, restricted_since""";

    private final JdbcClient jdbc;

    PeopleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, PersonDetails d) {
        jdbc.sql("""
                        insert into person (tenant_id, id, kind, given_name, family_name, search_text, birth_date, class_name, email,
                                            phone, language, job_function, external_id)
                        values (current_tenant_id(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, d.kind().name(), d.givenName(), d.familyName(), searchText(d), d.birthDate(), d.className(), d.email(),
                        d.phone(), d.language(), d.jobFunction(), d.externalId())
                .update();
    }

    boolean update(UUID id, PersonDetails d) {
        return jdbc.sql("""
                        update person set kind = ?, given_name = ?, family_name = ?, search_text = ?, birth_date = ?, class_name = ?,
                               email = ?, phone = ?, language = ?, job_function = ?, external_id = ?, updated_at = now()
                         where id = ?""")
                .params(d.kind().name(), d.givenName(), d.familyName(), searchText(d), d.birthDate(), d.className(), d.email(),
                        d.phone(), d.language(), d.jobFunction(), d.externalId(), id)
                .update() == 1;
    }

    /** Restricts (a reason) or lifts (null) the processing of the person's data. */
    boolean restrict(UUID id, String reason) {
        return jdbc.sql("update person set restricted_since = case when cast(? as text) is null then null else now() end, restriction_reason = ?, "
                + "updated_at = now() where id = ?").params(reason, reason, id).update() == 1;
    }

    boolean setActive(UUID id, boolean active) {
        return jdbc.sql("update person set active = ?, updated_at = now() where id = ?").params(active, id).update() == 1;
    }

    boolean externalIdTaken(String externalId, UUID except) {
        return jdbc.sql("select count(*) from person where external_id = ? and id <> ?").params(externalId, except)
                .query(Long.class).single() > 0;
    }

    Optional<Stored> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from person where id = ?").param(id).query(PeopleRepository::row).optional();
    }

    Optional<Stored> findByAccount(UUID accountUserId) {
        return jdbc.sql("select " + COLUMNS + " from person where account_user_id = ? order by kind limit 1").param(accountUserId)
                .query(PeopleRepository::row).optional();
    }

    /** Links a person to their portal account unless they have one already; false when they had. */
    boolean linkAccount(UUID id, UUID accountUserId) {
        return jdbc.sql("update person set account_user_id = ?, updated_at = now() where id = ? and account_user_id is null")
                .params(accountUserId, id).update() == 1;
    }

    Optional<Stored> findByExternalId(String externalId) {
        return jdbc.sql("select " + COLUMNS + " from person where external_id = ?").param(externalId).query(PeopleRepository::row).optional();
    }

    /** One page, sorted by the database: {@code minorSince} is the earliest birth date of a minor today. */
    List<Stored> page(PeopleFilter filter, LocalDate minorSince, PeopleSort sort, int offset, int limit) {
        Where where = where(filter, minorSince);
        Map<String, Object> params = new LinkedHashMap<>(where.params());
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("select " + COLUMNS + " from person" + where.sql() + " order by " + sort.orderBy() + " limit :limit offset :offset")
                .params(params).query(PeopleRepository::row).list();
    }

    long count(PeopleFilter filter, LocalDate minorSince) {
        Where where = where(filter, minorSince);
        return jdbc.sql("select count(*) from person" + where.sql()).params(where.params()).query(Long.class).single();
    }

    boolean link(UUID guardian, UUID child, Relationship relationship, boolean responsibility) {
        return jdbc.sql("""
                        insert into guardianship (tenant_id, guardian_id, child_id, relationship, parental_responsibility)
                        values (current_tenant_id(), ?, ?, ?, ?)
                        on conflict (tenant_id, guardian_id, child_id) do update
                           set relationship = excluded.relationship, parental_responsibility = excluded.parental_responsibility""")
                .params(guardian, child, relationship.name(), responsibility).update() == 1;
    }

    boolean unlink(UUID guardian, UUID child) {
        return jdbc.sql("delete from guardianship where guardian_id = ? and child_id = ?").params(guardian, child).update() == 1;
    }

    /** The links of a person, from either side: the other person with the link's details. */
    List<StoredLink> links(UUID personId) {
        return jdbc.sql("""
                        select g.relationship, g.parental_responsibility, p.id, p.kind, p.given_name, p.family_name, p.birth_date,
                               p.class_name, p.email, p.phone, p.language, p.job_function, p.external_id, p.active, p.account_user_id,
                               p.restricted_since
                          from guardianship g join person p on p.tenant_id = g.tenant_id
                               and p.id = case when g.guardian_id = :person then g.child_id else g.guardian_id end
                         where g.guardian_id = :person or g.child_id = :person
                         order by p.family_name, p.given_name""")
                .param("person", personId)
                .query((rs, n) -> new StoredLink(row(rs, n), Relationship.valueOf(rs.getString("relationship")),
                        rs.getBoolean("parental_responsibility")))
                .list();
    }

    /** A person and the guardians linked to them (by name), in one statement: what consent asks of every decision. */
    record WithGuardians(Stored person, List<StoredLink> guardians) {
    }

    Optional<WithGuardians> withGuardians(UUID personId) {
        return Optional.ofNullable(withGuardians("s.id = ?", personId).get(personId));
    }

    /** These people, each with their guardians, in one statement; the unknown ones (or another institution's) absent. */
    Map<UUID, WithGuardians> withGuardians(Collection<UUID> personIds) {
        return withGuardians("s.id = any(cast(? as uuid[]))", personIds.stream().map(UUID::toString).toArray(String[]::new));
    }

    // One person is asked by "s.id = ?", not as an array of one: a prepared statement's generic plan for an array of
    // unknown length was three times slower for allows() (docs/benchmarks.md, "Consent").
    private Map<UUID, WithGuardians> withGuardians(String which, Object parameter) {
        Map<UUID, WithGuardians> found = new LinkedHashMap<>();
        jdbc.sql("select " + columns("s.", "") + ", g.relationship, g.parental_responsibility, " + columns("q.", "g_") + " " + """
                         from person s
                         left join guardianship g on g.tenant_id = s.tenant_id and g.child_id = s.id
                         left join person q on q.tenant_id = g.tenant_id and q.id = g.guardian_id and q.kind = 'GUARDIAN'
                        where""" + " " + which + " order by s.id, q.family_name, q.given_name")
                .param(parameter)
                .query((ResultSet rs) -> {
                    WithGuardians person = found.get(rs.getObject("id", UUID.class));
                    if (person == null) {
                        person = new WithGuardians(row(rs, ""), new ArrayList<>());
                        found.put(person.person().id(), person);
                    }
                    if (rs.getObject("g_id") != null) {
                        person.guardians().add(new StoredLink(row(rs, "g_"), Relationship.valueOf(rs.getString("relationship")),
                                rs.getBoolean("parental_responsibility")));
                    }
                });
        return found;
    }

    /** Active students born after {@code minorSince} (minors today), by class then name. */
    List<Stored> minors(LocalDate minorSince) {
        return jdbc.sql("select " + COLUMNS + " from person where kind = 'STUDENT' and active and restricted_since is null and birth_date > ? "
                + "order by class_name nulls last, family_name, given_name, id").param(minorSince).query(PeopleRepository::row).list();
    }

    /** Active students born on or before {@code minorSince} (of age today), in this class (null: all), by name. */
    List<Stored> studentsOfAge(LocalDate minorSince, String className) {
        return jdbc.sql("select " + COLUMNS + " from person where kind = 'STUDENT' and active and restricted_since is null and birth_date <= :since "
                        + "and (cast(:class as text) is null or class_name = :class) order by family_name, given_name, id")
                .param("since", minorSince).param("class", className).query(PeopleRepository::row).list();
    }

    /**
     * The active people of this kind an institution writes to about a class (null: all): its students, or the guardians of
     * its active students. By id, so that a long mailing goes through them in a stable order.
     */
    List<Stored> reachable(PersonKind kind, String className) {
        String sql = kind == PersonKind.GUARDIAN
                ? "select " + COLUMNS + " from person p where kind = 'GUARDIAN' and active and restricted_since is null "
                        + "and exists (select 1 from guardianship g "
                        + "join person c on c.tenant_id = g.tenant_id and c.id = g.child_id where g.tenant_id = p.tenant_id "
                        + "and g.guardian_id = p.id and c.active and c.restricted_since is null "
                        + "and (cast(:class as text) is null or c.class_name = :class)) order by id"
                : "select " + COLUMNS + " from person where kind = 'STUDENT' and active and restricted_since is null "
                        + "and (cast(:class as text) is null or class_name = :class) order by id";
        return jdbc.sql(sql).param("class", className).query(PeopleRepository::row).list();
    }

    /** Active students born between these dates, both included. */
    List<Stored> students(LocalDate bornFrom, LocalDate bornUntil) {
        return jdbc.sql("select " + COLUMNS + " from person where kind = 'STUDENT' and active and restricted_since is null "
                + "and birth_date between ? and ? order by birth_date, id")
                .params(bornFrom, bornUntil).query(PeopleRepository::row).list();
    }

    /** The guardians of those minors, each with the child's id. */
    List<ChildGuardian> guardiansOfMinors(LocalDate minorSince) {
        return jdbc.sql("""
                        select g.child_id, g.parental_responsibility, p.*
                          from guardianship g
                          join person c on c.tenant_id = g.tenant_id and c.id = g.child_id
                          join person p on p.tenant_id = g.tenant_id and p.id = g.guardian_id
                         where c.kind = 'STUDENT' and c.active and c.birth_date > ? and c.restricted_since is null
                           and p.restricted_since is null
                         order by p.family_name, p.given_name""")
                .param(minorSince)
                .query((rs, n) -> new ChildGuardian(rs.getObject("child_id", UUID.class), row(rs, n), rs.getBoolean("parental_responsibility")))
                .list();
    }

    record ChildGuardian(UUID childId, Stored guardian, boolean parentalResponsibility) {
    }

    /** A person as stored; what the caller may see of it is decided by the service. */
    record Stored(UUID id, PersonKind kind, String givenName, String familyName, LocalDate birthDate, String className, String email,
            String phone, String language, String jobFunction, String externalId, boolean active, UUID accountUserId,
            java.time.Instant restrictedSince) {

        boolean restricted() {
            return restrictedSince != null;
        }
    }

    record StoredLink(Stored other, Relationship relationship, boolean parentalResponsibility) {
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(PeopleFilter filter, LocalDate minorSince) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        String text = SearchText.fold(filter.text());
        if (!text.isEmpty()) {
            conditions.add("search_text like :text");
            params.put("text", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.kind() != null) {
            conditions.add("kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.className() != null && !filter.className().isBlank()) {
            conditions.add("class_name = :className");
            params.put("className", filter.className().strip());
        }
        if (filter.minor() != null) {
            conditions.add(filter.minor() ? "(kind = 'STUDENT' and birth_date > :minorSince)"
                    : "not (kind = 'STUDENT' and birth_date > :minorSince and birth_date is not null)");
            params.put("minorSince", minorSince);
        }
        if (filter.active() != null) {
            conditions.add("active = :active");
            params.put("active", filter.active());
        }
        return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
    }

    private static String searchText(PersonDetails d) {
        return SearchText.fold(d.givenName() + " " + d.familyName());
    }

    private static Stored row(ResultSet rs, int n) throws SQLException {
        return row(rs, "");
    }

    /** The person columns of a table alias, each named with a prefix. */
    private static String columns(String alias, String prefix) {
        return Arrays.stream(COLUMNS.split(",")).map(String::strip).map(c -> alias + c + " as " + prefix + c)
                .collect(Collectors.joining(", "));
    }

    private static Stored row(ResultSet rs, String prefix) throws SQLException {
        return new Stored(rs.getObject(prefix + "id", UUID.class), PersonKind.valueOf(rs.getString(prefix + "kind")),
                rs.getString(prefix + "given_name"), rs.getString(prefix + "family_name"), rs.getObject(prefix + "birth_date", LocalDate.class),
                rs.getString(prefix + "class_name"), rs.getString(prefix + "email"), rs.getString(prefix + "phone"),
                rs.getString(prefix + "language"), rs.getString(prefix + "job_function"), rs.getString(prefix + "external_id"),
                rs.getBoolean(prefix + "active"), rs.getObject(prefix + "account_user_id", UUID.class),
                Optional.ofNullable(rs.getObject(prefix + "restricted_since", java.time.OffsetDateTime.class)).map(java.time.OffsetDateTime::toInstant)
                        .orElse(null));
    }
}
