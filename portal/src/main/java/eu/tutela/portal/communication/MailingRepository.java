package eu.tutela.portal.communication;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The mailings of the tenant bound to the transaction and what became of each recipient (row-level security sees to the tenant). */
@Repository
class MailingRepository {

    enum Outcome { SENT, NOT_ALLOWED, NO_ADDRESS }

    record Stored(UUID id, String purposeCode, MailingAudience audience, String className, String subject, String body, UUID runId) {
    }

    private static final String SUMMARY = """
            select m.id, m.purpose_code, m.audience, m.class_name, m.subject, m.created_at, m.run_id,
                   count(r.person_id) filter (where r.outcome = 'SENT') as sent,
                   count(r.person_id) filter (where r.outcome = 'NOT_ALLOWED') as not_allowed,
                   count(r.person_id) filter (where r.outcome = 'NO_ADDRESS') as no_address,
                   count(r.person_id) filter (where r.unsubscribed_at is not null) as unsubscribed
              from mailing m left join mailing_recipient r on r.tenant_id = m.tenant_id and r.mailing_id = m.id
            """;

    private final JdbcClient jdbc;

    MailingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, MailingDraft draft, UUID createdBy, UUID runId) {
        jdbc.sql("""
                        insert into mailing (tenant_id, id, purpose_code, audience, class_name, subject, body, created_by, run_id)
                        values (current_tenant_id(), ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, draft.purposeCode(), draft.audience().name(), draft.className(), draft.subject(), draft.body(), createdBy, runId)
                .update();
    }

    Optional<Stored> find(UUID id) {
        return jdbc.sql("select id, purpose_code, audience, class_name, subject, body, run_id from mailing where id = ?").param(id)
                .query((rs, n) -> new Stored(rs.getObject("id", UUID.class), rs.getString("purpose_code"),
                        MailingAudience.valueOf(rs.getString("audience")), rs.getString("class_name"), rs.getString("subject"),
                        rs.getString("body"), rs.getObject("run_id", UUID.class)))
                .optional();
    }

    /** The people already considered for this mailing, whatever became of them. */
    Set<UUID> considered(UUID mailingId) {
        return new HashSet<>(jdbc.sql("select person_id from mailing_recipient where mailing_id = ?").param(mailingId)
                .query(UUID.class).list());
    }

    void record(UUID mailingId, UUID personId, Outcome outcome, UUID mailId, String unsubscribeHash) {
        jdbc.sql("""
                        insert into mailing_recipient (tenant_id, mailing_id, person_id, outcome, mail_id, unsubscribe_hash)
                        values (current_tenant_id(), ?, ?, ?, ?, ?)""")
                .params(mailingId, personId, outcome.name(), mailId, unsubscribeHash).update();
    }

    List<Summary> newest(int limit) {
        return jdbc.sql(SUMMARY + " group by m.id, m.purpose_code, m.audience, m.class_name, m.subject, m.created_at, m.run_id "
                + "order by m.created_at desc, m.id limit ?").param(limit).query(MailingRepository::summary).list();
    }

    Optional<Summary> summary(UUID id) {
        return jdbc.sql(SUMMARY + " where m.id = ? group by m.id, m.purpose_code, m.audience, m.class_name, m.subject, m.created_at, m.run_id")
                .param(id).query(MailingRepository::summary).optional();
    }

    /** A mailing's counts as stored; whether its run finished is the job engine's to say. */
    record Summary(UUID id, String purposeCode, MailingAudience audience, String className, String subject, Instant createdAt,
            UUID runId, long sent, long notAllowed, long noAddress, long unsubscribed) {
    }

    private static Summary summary(ResultSet rs, int n) throws SQLException {
        return new Summary(rs.getObject("id", UUID.class), rs.getString("purpose_code"), MailingAudience.valueOf(rs.getString("audience")),
                rs.getString("class_name"), rs.getString("subject"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("run_id", UUID.class), rs.getLong("sent"), rs.getLong("not_allowed"), rs.getLong("no_address"),
                rs.getLong("unsubscribed"));
    }
}
