package eu.tutela.portal.consent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The consent_decision rows of the tenant bound to the transaction: added, never changed. */
@Repository
class DecisionRepository {

    private final JdbcClient jdbc;

    DecisionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises the decisions about one person (two guardians answering at once, a double click). */
    void lock(UUID subjectId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('consent:' || ?::text, 0))").param(subjectId).query().singleRow();
    }

    void insert(ConsentDecision d) {
        jdbc.sql("""
                        insert into consent_decision (tenant_id, id, subject_id, giver_id, purpose_id, decision, policy_version, policy_hash,
                                                      lang, method, note, recorded_by, recorded_at)
                        values (current_tenant_id(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.id(), d.subjectId(), d.giverId(), d.purposeId(), d.decision().name(), d.policyVersion(), d.policyHash(), d.lang(),
                        d.method().name(), d.note(), d.recordedBy(), Timestamp.from(d.recordedAt()))
                .update();
    }

    /** The latest decision of each giver about each purpose, for one person, newest first (names are the people module's). */
    List<ConsentDecision> latest(UUID subjectId) {
        return jdbc.sql("""
                        select * from (
                            select distinct on (d.purpose_id, d.giver_id) d.*
                              from consent_decision d
                             where d.subject_id = ?
                             order by d.purpose_id, d.giver_id, d.recorded_at desc, d.id) latest
                         order by recorded_at desc""")
                .param(subjectId).query(DecisionRepository::row).list();
    }

    Optional<ConsentDecision> latest(UUID subjectId, UUID purposeId, UUID giverId) {
        return latest(subjectId).stream().filter(d -> d.purposeId().equals(purposeId) && d.giverId().equals(giverId)).findFirst();
    }

    /** The latest decision of each giver about each purpose, for everyone of the tenant (the counts by class). */
    List<ConsentDecision> latestOfEveryone() {
        return jdbc.sql("""
                        select distinct on (subject_id, purpose_id, giver_id) *
                          from consent_decision order by subject_id, purpose_id, giver_id, recorded_at desc, id""")
                .query(DecisionRepository::row).list();
    }

    /** Every decision about one person, newest first: the history. */
    List<ConsentDecision> history(UUID subjectId) {
        return jdbc.sql("""
                        select * from consent_decision where subject_id = ? order by recorded_at desc, id""")
                .param(subjectId).query(DecisionRepository::row).list();
    }

    private static ConsentDecision row(ResultSet rs, int n) throws SQLException {
        return row(rs, "");
    }

    /** A decision read from columns named with this prefix (a query that joins it to other rows). */
    static ConsentDecision row(ResultSet rs, String prefix) throws SQLException {
        return new ConsentDecision(rs.getObject(prefix + "id", UUID.class), rs.getObject(prefix + "subject_id", UUID.class),
                rs.getObject(prefix + "giver_id", UUID.class), null, rs.getObject(prefix + "purpose_id", UUID.class),
                Decision.valueOf(rs.getString(prefix + "decision")), rs.getInt(prefix + "policy_version"), rs.getString(prefix + "policy_hash"),
                rs.getString(prefix + "lang"), ConsentMethod.valueOf(rs.getString(prefix + "method")), rs.getString(prefix + "note"),
                rs.getObject(prefix + "recorded_by", UUID.class), rs.getTimestamp(prefix + "recorded_at").toInstant());
    }

    /** One decision, by its id: empty for an unknown one, or another tenant's (row-level security hides it). */
    Optional<ConsentDecision> find(UUID id) {
        return jdbc.sql("select * from consent_decision where id = ?").param(id).query(DecisionRepository::row).optional();
    }
}
