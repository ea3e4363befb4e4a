package eu.tutela.portal.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit_entry rows of the tenant bound to the transaction: appended and read, never changed. */
@Repository
class AuditEntries {

    private static final String COLUMNS = """
            tenant_id, seq, occurred_at, actor_id, actor_label, action, subject_type, subject_id, subject_label,
            summary, previous_hash, hash""";

    private final JdbcClient jdbc;
    /** Same data source, so the same transaction; reads the chain in batches instead of all at once. */
    private final JdbcClient streaming;

    AuditEntries(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(2_000);
        this.streaming = JdbcClient.create(template);
    }

    /** Serialises the appends of one tenant until the transaction ends, so the chain has one order: commit order. */
    void lockChain() {
        jdbc.sql("select pg_advisory_xact_lock(7041, hashtext(current_tenant_id()::text))").query().singleRow();
    }

    /** The last link of the bound tenant's chain: its sequence number and hash; (0, genesis) when empty. */
    Link last() {
        return jdbc.sql("select seq, hash from audit_entry where tenant_id = current_tenant_id() order by seq desc limit 1")
                .query((rs, row) -> new Link(rs.getLong("seq"), rs.getString("hash")))
                .optional()
                .orElse(new Link(0, AuditChain.GENESIS));
    }

    record Link(long seq, String hash) {
    }

    void append(AuditEntry e) {
        jdbc.sql("insert into audit_entry (" + COLUMNS + ") values (current_tenant_id(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(e.seq(), Timestamp.from(e.occurredAt()), e.actorId(), e.actorLabel(), e.action(),
                        e.subjectType(), e.subjectId(), e.subjectLabel(), e.summary(), e.previousHash(), e.hash())
                .update();
    }

    /** Newest first. */
    List<AuditEntry> page(AuditFilter filter, int offset, int limit) {
        Where where = where(filter);
        List<Object> params = new ArrayList<>(where.params());
        params.add(limit);
        params.add(offset);
        return jdbc.sql("select " + COLUMNS + " from audit_entry where " + where.sql() + " order by seq desc limit ? offset ?")
                .params(params)
                .query(AuditEntries::entry)
                .list();
    }

    /** Every matching entry, oldest first, one at a time. */
    void each(AuditFilter filter, Consumer<AuditEntry> consumer) {
        Where where = where(filter);
        streaming.sql("select " + COLUMNS + " from audit_entry where " + where.sql() + " order by seq")
                .params(where.params())
                .query(rs -> {
                    consumer.accept(entry(rs, 0));
                });
    }

    List<String> actions() {
        return jdbc.sql("select distinct action from audit_entry where tenant_id = current_tenant_id() order by action")
                .query(String.class).list();
    }

    List<Actor> actors() {
        return jdbc.sql("""
                        select actor_id, min(actor_label) as label from audit_entry
                         where tenant_id = current_tenant_id() and actor_id is not null
                         group by actor_id order by label""")
                .query((rs, row) -> new Actor(rs.getObject("actor_id", UUID.class), rs.getString("label")))
                .list();
    }

    private record Where(String sql, List<Object> params) {
    }

    private static Where where(AuditFilter f) {
        StringBuilder sql = new StringBuilder("tenant_id = current_tenant_id()");
        List<Object> params = new ArrayList<>();
        if (f.from() != null) {
            sql.append(" and occurred_at >= ?");
            params.add(Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            sql.append(" and occurred_at < ?");
            params.add(Timestamp.from(f.to()));
        }
        if (f.actorId() != null) {
            sql.append(" and actor_id = ?");
            params.add(f.actorId());
        }
        if (f.action() != null && !f.action().isBlank()) {
            sql.append(" and action = ?");
            params.add(f.action());
        }
        if (f.subject() != null && !f.subject().isBlank()) {
            sql.append(" and (subject_id = ? or subject_label ilike ? escape '\\')");
            params.add(f.subject().strip());
            params.add("%" + f.subject().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return new Where(sql.toString(), params);
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        Instant at = rs.getTimestamp("occurred_at").toInstant();
        return new AuditEntry(rs.getObject("tenant_id", UUID.class), rs.getLong("seq"), at,
                rs.getObject("actor_id", UUID.class), rs.getString("actor_label"), rs.getString("action"),
                rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("subject_label"),
                rs.getString("summary"), rs.getString("previous_hash"), rs.getString("hash"));
    }
}
