package eu.tutela.portal.rights;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The requests of the tenant bound to the transaction and their timelines (row-level security sees to the tenant). */
@Repository
class RightsRequestRepository {

    private static final String COLUMNS = """
            id, reference, type, subject_id, requester_user_id, requester_person_id, requester_name, requester_email, requester_lang,
            source, details, status, received_at, received_on, first_due_on, due_on, extension_months, extension_reason,
            identity_note, assigned_to, outcome, closed_at""";

    /** A request as stored; the subject's name is the registry's to say. */
    record Stored(UUID id, String reference, RequestType type, UUID subjectId, UUID requesterUserId, UUID requesterPersonId,
            String requesterName, String requesterEmail, String requesterLang, RightsRequest.RequestSource source, String details,
            RequestStatus status, Instant receivedAt, RequestDeadline deadline, String extensionReason, String identityNote,
            UUID assignedTo, String outcome, Instant closedAt) {

        RightsRequest withSubjectName(String subjectName) {
            return new RightsRequest(id, reference, type, subjectId, subjectName, requesterUserId, requesterName, requesterEmail, source,
                    details, status, receivedAt, deadline, extensionReason, identityNote, assignedTo, outcome, closedAt);
        }
    }

    private final JdbcClient jdbc;

    RightsRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Stored r) {
        jdbc.sql("""
                        insert into rights_request (tenant_id, id, reference, type, subject_id, requester_user_id, requester_person_id,
                               requester_name, requester_email, requester_lang, source, details, status, received_at, received_on,
                               first_due_on, due_on)
                        values (current_tenant_id(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.reference(), r.type().name(), r.subjectId(), r.requesterUserId(), r.requesterPersonId(), r.requesterName(),
                        r.requesterEmail(), r.requesterLang(), r.source().name(), r.details(), r.status().name(),
                        OffsetDateTime.ofInstant(r.receivedAt(), java.time.ZoneOffset.UTC), r.deadline().receivedOn(), r.deadline().firstDue(),
                        r.deadline().due())
                .update();
    }

    /** The request, locked until the transaction ends: two people acting on it at once act one after the other. */
    Optional<Stored> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from rights_request where id = ? for update").param(id).query(RightsRequestRepository::row).optional();
    }

    Optional<Stored> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from rights_request where id = ?").param(id).query(RightsRequestRepository::row).optional();
    }

    /** Whether this person has a request of this type open. */
    boolean openOf(UUID subjectId, RequestType type) {
        return jdbc.sql("select exists (select 1 from rights_request where subject_id = ? and type = ? and closed_at is null)")
                .params(subjectId, type.name()).query(Boolean.class).single();
    }

    /** The completed restriction requests about this person: whoever obtained a restriction is told before it is lifted. */
    List<Stored> restrictionsObtained(UUID subjectId) {
        return jdbc.sql("select " + COLUMNS + " from rights_request where subject_id = ? and type = 'RESTRICTION' and status = 'COMPLETED'")
                .param(subjectId).query(RightsRequestRepository::row).list();
    }

    List<Stored> byRequester(UUID userId) {
        return jdbc.sql("select " + COLUMNS + " from rights_request where requester_user_id = ? order by received_at desc, id")
                .param(userId).query(RightsRequestRepository::row).list();
    }

    /** Open ones by due date, soonest first; or the closed ones, newest first. */
    List<Stored> queue(boolean open) {
        return jdbc.sql("select " + COLUMNS + " from rights_request where " + (open
                        ? "closed_at is null order by due_on, received_at, id"
                        : "closed_at is not null order by closed_at desc, id limit 500"))
                .query(RightsRequestRepository::row).list();
    }

    void status(UUID id, RequestStatus status, String outcome) {
        jdbc.sql("""
                        update rights_request set status = ?, outcome = coalesce(?, outcome),
                               closed_at = case when ? then now() else null end
                         where id = ?""")
                .params(status.name(), outcome, status.closed(), id).update();
    }

    void identityVerified(UUID id, String note) {
        jdbc.sql("update rights_request set identity_note = ? where id = ?").params(note, id).update();
    }

    void extended(UUID id, RequestDeadline deadline, String reason) {
        jdbc.sql("update rights_request set status = 'EXTENDED', due_on = ?, extension_months = ?, extension_reason = ? where id = ?")
                .params(deadline.due(), deadline.extensionMonths(), reason, id).update();
    }

    void assign(UUID id, UUID userId) {
        jdbc.sql("update rights_request set assigned_to = ? where id = ?").params(userId, id).update();
    }

    private static final String ARCHIVE = """
            select id, request_id, status, run_id, created_at, ready_at, expires_at, file_name, size_bytes, records, failure, downloads
              from rights_archive""";

    void linkSubject(UUID id, UUID personId) {
        jdbc.sql("update rights_request set subject_id = ? where id = ? and subject_id is null").params(personId, id).update();
    }

    void insertCorrection(UUID requestId, Map<String, String> fields) {
        fields.forEach((field, proposed) -> jdbc.sql("""
                        insert into rights_correction (tenant_id, request_id, field, proposed) values (current_tenant_id(), ?, ?, ?)""")
                .params(requestId, field, proposed).update());
    }

    /** The fields a rectification request asks to correct, in a stable order (empty for none). */
    Map<String, String> correction(UUID requestId) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        jdbc.sql("select field, proposed from rights_correction where request_id = ? order by array_position(array['givenName', "
                        + "'familyName', 'birthDate', 'email', 'phone'], field)").param(requestId)
                .query(rs -> {
                    fields.put(rs.getString("field"), rs.getString("proposed"));
                });
        return fields;
    }

    void insertArchive(UUID id, UUID requestId, UUID runId, UUID createdBy) {
        jdbc.sql("""
                        insert into rights_archive (tenant_id, id, request_id, status, run_id, created_by)
                        values (current_tenant_id(), ?, ?, 'BUILDING', ?, ?)""")
                .params(id, requestId, runId, createdBy).update();
    }

    /** The request's newest archive. */
    Optional<AccessArchive> archiveOf(UUID requestId) {
        return jdbc.sql(ARCHIVE + " where request_id = ? order by created_at desc, id limit 1").param(requestId)
                .query(RightsRequestRepository::archive).optional();
    }

    void insertArchiveChunk(UUID archiveId, int n, byte[] bytes) {
        jdbc.sql("insert into rights_archive_chunk (tenant_id, archive_id, n, bytes) values (current_tenant_id(), ?, ?, ?)")
                .params(archiveId, n, bytes).update();
    }

    /** Counts one more download of the archive. */
    void downloaded(UUID archiveId) {
        jdbc.sql("update rights_archive set downloads = downloads + 1 where id = ?").param(archiveId).update();
    }

    /** The archive's {@code n}th chunk (from 0); empty past the last. */
    Optional<byte[]> archiveChunk(UUID archiveId, int n) {
        return jdbc.sql("select bytes from rights_archive_chunk where archive_id = ? and n = ?").params(archiveId, n).query(byte[].class)
                .optional();
    }

    private static AccessArchive archive(ResultSet rs, int n) throws SQLException {
        OffsetDateTime ready = rs.getObject("ready_at", OffsetDateTime.class);
        OffsetDateTime expires = rs.getObject("expires_at", OffsetDateTime.class);
        return new AccessArchive(rs.getObject("id", UUID.class), rs.getObject("request_id", UUID.class),
                AccessArchive.Status.valueOf(rs.getString("status")), rs.getObject("run_id", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), ready == null ? null : ready.toInstant(),
                expires == null ? null : expires.toInstant(), rs.getString("file_name"), (Long) rs.getObject("size_bytes"),
                (Long) rs.getObject("records"), rs.getString("failure"), rs.getInt("downloads"));
    }

    void event(UUID requestId, RequestEvent.Kind kind, RequestStatus status, String body, UUID byUser) {
        jdbc.sql("""
                        insert into rights_request_event (tenant_id, request_id, id, kind, status, body, by_user)
                        values (current_tenant_id(), ?, ?, ?, ?, ?, ?)""")
                .params(requestId, UUID.randomUUID(), kind.name(), status == null ? null : status.name(), body, byUser).update();
    }

    /** The timeline, oldest first, with who wrote each step (a portal account; null for the platform's own work). */
    List<StoredEvent> timeline(UUID requestId) {
        return jdbc.sql("select id, kind, status, body, by_user, at from rights_request_event where request_id = ? order by at, id")
                .param(requestId)
                .query((rs, n) -> new StoredEvent(rs.getObject("id", UUID.class), RequestEvent.Kind.valueOf(rs.getString("kind")),
                        rs.getString("status") == null ? null : RequestStatus.valueOf(rs.getString("status")), rs.getString("body"),
                        rs.getObject("by_user", UUID.class), rs.getObject("at", OffsetDateTime.class).toInstant()))
                .list();
    }

    record StoredEvent(UUID id, RequestEvent.Kind kind, RequestStatus status, String body, UUID byUser, Instant at) {
    }

    private static Stored row(ResultSet rs, int n) throws SQLException {
        LocalDate received = rs.getObject("received_on", LocalDate.class);
        RequestDeadline deadline = new RequestDeadline(received, rs.getObject("first_due_on", LocalDate.class),
                rs.getObject("due_on", LocalDate.class), rs.getInt("extension_months"));
        OffsetDateTime closed = rs.getObject("closed_at", OffsetDateTime.class);
        return new Stored(rs.getObject("id", UUID.class), rs.getString("reference"), RequestType.valueOf(rs.getString("type")),
                rs.getObject("subject_id", UUID.class), rs.getObject("requester_user_id", UUID.class),
                rs.getObject("requester_person_id", UUID.class), rs.getString("requester_name"), rs.getString("requester_email"),
                rs.getString("requester_lang"), RightsRequest.RequestSource.valueOf(rs.getString("source")), rs.getString("details"),
                RequestStatus.valueOf(rs.getString("status")), rs.getObject("received_at", OffsetDateTime.class).toInstant(), deadline,
                rs.getString("extension_reason"), rs.getString("identity_note"), rs.getObject("assigned_to", UUID.class),
                rs.getString("outcome"), closed == null ? null : closed.toInstant());
    }
}
