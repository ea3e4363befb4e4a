package eu.tutela.portal.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The roster_import rows (and their problems) of the tenant bound to the transaction. */
@Repository
class RosterImportRecords {

    private static final String SELECT = """
            select i.*, u.display_name as uploaded_by_name, a.display_name as applied_by_name
              from roster_import i
              left join app_user u on u.id = i.uploaded_by
              left join app_user a on a.id = i.applied_by""";

    private final JdbcClient jdbc;

    RosterImportRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, String fileName, String sha256, long size, RosterImport.Mode mode, TextEncoding encoding, UUID by) {
        jdbc.sql("""
                        insert into roster_import (tenant_id, id, file_name, sha256, size_bytes, mode, encoding_choice, status, uploaded_by)
                        values (current_tenant_id(), ?, ?, ?, ?, ?, ?, 'PREVIEWING', ?)""")
                .params(id, fileName, sha256, size, mode.name(), encoding == null ? null : encoding.name(), by)
                .update();
    }

    Optional<RosterImport> find(UUID id) {
        return jdbc.sql(SELECT + " where i.id = ?").param(id).query(RosterImportRecords::row).optional();
    }

    Optional<RosterImport> latest() {
        return jdbc.sql(SELECT + " order by i.uploaded_at desc limit 1").query(RosterImportRecords::row).optional();
    }

    Optional<RosterImport> lastOf(UUID personId) {
        return jdbc.sql(SELECT + " join person p on p.last_import_id = i.id where p.id = ?").param(personId)
                .query(RosterImportRecords::row).optional();
    }

    List<RosterImport> history(int limit) {
        return jdbc.sql(SELECT + " order by i.uploaded_at desc limit ?").param(limit).query(RosterImportRecords::row).list();
    }

    /** The import being previewed, waiting or applied, if any (at most one: a unique index says so). */
    Optional<RosterImport> open() {
        return jdbc.sql(SELECT + " where i.status in ('PREVIEWING', 'PREVIEWED', 'APPLYING')").query(RosterImportRecords::row).optional();
    }

    Optional<TextEncoding> encodingChoice(UUID id) {
        return jdbc.sql("select encoding_choice from roster_import where id = ?").param(id).query(String.class).optional()
                .map(TextEncoding::valueOf);
    }

    /** Moves the import on from one of these states; false when it was in none of them (someone else moved it). */
    boolean move(UUID id, RosterImport.Status to, RosterImport.Status... from) {
        String[] names = Arrays.stream(from).map(Enum::name).toArray(String[]::new);
        return jdbc.sql("update roster_import set status = ? where id = ? and status = any (?)")
                .params(to.name(), id, names).update() == 1;
    }

    void reread(UUID id, TextEncoding encoding) {
        jdbc.sql("""
                update roster_import set status = 'PREVIEWING', encoding_choice = ?, refusal_key = null, refusal_detail = null
                 where id = ?""").params(encoding == null ? null : encoding.name(), id).update();
    }

    void run(UUID id, UUID runId) {
        jdbc.sql("update roster_import set run_id = ? where id = ?").params(runId, id).update();
    }

    void applying(UUID id, UUID by) {
        jdbc.sql("update roster_import set applied_by = ? where id = ?").params(by, id).update();
    }

    void read(UUID id, RosterImport.Format format, RosterImport.Mode mode) {
        jdbc.sql("update roster_import set format = ?, mode = ? where id = ?").params(format.name(), mode.name(), id).update();
    }

    /** What a preview's kept rows carry (see {@link RosterStaging#restore}). */
    record Staged(Set<RosterColumn> columns, boolean links) {
    }

    void staged(UUID id, Set<RosterColumn> columns, boolean links) {
        jdbc.sql("update roster_import set staged_columns = ?, staged_links = ? where id = ?")
                .params(columns.stream().map(Enum::name).toArray(String[]::new), links, id).update();
    }

    Optional<Staged> staged(UUID id) {
        return jdbc.sql("select staged_columns, staged_links from roster_import where id = ? and staged_links is not null")
                .param(id).query((rs, row) -> {
                    Set<RosterColumn> columns = EnumSet.noneOf(RosterColumn.class);
                    for (String name : (String[]) rs.getArray(1).getArray()) {
                        columns.add(RosterColumn.valueOf(name));
                    }
                    return new Staged(columns, rs.getBoolean(2));
                }).optional();
    }

    void summarise(UUID id, RosterImport.Status status, RosterSummary s) {
        jdbc.sql("""
                        update roster_import set status = ?, new_people = ?, changed_people = ?, unchanged_people = ?,
                               deactivated_people = ?, new_links = ?, changed_links = ?, removed_links = ?, invalid_rows = ?,
                               applied_at = case when ? = 'APPLIED' then now() else applied_at end
                         where id = ?""")
                .params(status.name(), s.newPeople(), s.changedPeople(), s.unchangedPeople(), s.deactivatedPeople(), s.newLinks(),
                        s.changedLinks(), s.removedLinks(), s.invalidRows(), status.name(), id)
                .update();
    }

    void refuse(UUID id, String key, String detail) {
        jdbc.sql("update roster_import set status = 'REFUSED', refusal_key = ?, refusal_detail = ? where id = ?")
                .params(key, clipped(detail, 300), id).update();
    }

    void fail(UUID id, String detail) {
        jdbc.sql("update roster_import set status = 'FAILED', refusal_key = 'people.import.failed', refusal_detail = ? "
                        + "where id = ? and status in ('PREVIEWING', 'APPLYING')")
                .params(clipped(detail, 300), id).update();
    }

    List<RosterProblem> problems(UUID id, int offset, int limit) {
        return jdbc.sql("""
                        select file_name, line, field, message_key, detail from roster_import_problem
                         where import_id = ? order by seq offset ? limit ?""")
                .params(id, offset, limit)
                .query((rs, row) -> new RosterProblem(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    private static RosterImport row(ResultSet rs, int row) throws SQLException {
        RosterSummary summary = rs.getObject("new_people") == null ? null : new RosterSummary(rs.getInt("new_people"),
                rs.getInt("changed_people"), rs.getInt("unchanged_people"), rs.getInt("deactivated_people"), rs.getInt("new_links"),
                rs.getInt("changed_links"), rs.getInt("removed_links"), rs.getInt("invalid_rows"));
        return new RosterImport(rs.getObject("id", UUID.class), rs.getString("file_name"), rs.getString("sha256"),
                rs.getLong("size_bytes"), Optional.ofNullable(rs.getString("format")).map(RosterImport.Format::valueOf).orElse(null),
                RosterImport.Mode.valueOf(rs.getString("mode")), RosterImport.Status.valueOf(rs.getString("status")),
                rs.getString("refusal_key"), rs.getString("refusal_detail"), summary, rs.getString("uploaded_by_name"),
                rs.getTimestamp("uploaded_at").toInstant(), rs.getString("applied_by_name"),
                Optional.ofNullable(rs.getTimestamp("applied_at")).map(Timestamp::toInstant).orElse(null),
                rs.getObject("run_id", UUID.class));
    }

    /** Text cut to {@code max} characters (an ellipsis says so): what a message quotes from a file, or a file name. */
    static String clipped(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
