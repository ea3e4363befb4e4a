package eu.tutela.portal.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The job_run rows of the tenant bound to the transaction. */
@Repository
class JobRuns {

    private final JdbcClient jdbc;

    JobRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void queue(UUID runId, String kind, UUID startedBy) {
        jdbc.sql("insert into job_run (tenant_id, id, kind, started_by) values (current_tenant_id(), ?, ?, ?)")
                .params(runId, kind, startedBy)
                .update();
    }

    Optional<JobProgress> find(UUID runId) {
        return jdbc.sql("""
                        select id, kind, status, done, total, outcome, created_at, finished_at
                          from job_run where id = ?""")
                .param(runId)
                .query(JobRuns::toProgress)
                .optional();
    }

    Optional<JobProgress> latest(String kind) {
        return jdbc.sql("""
                        select id, kind, status, done, total, outcome, created_at, finished_at
                          from job_run where kind = ? order by created_at desc limit 1""")
                .param(kind)
                .query(JobRuns::toProgress)
                .optional();
    }

    private static JobProgress toProgress(ResultSet rs, int row) throws SQLException {
        return new JobProgress(rs.getObject("id", UUID.class), rs.getString("kind"),
                JobProgress.Status.valueOf(rs.getString("status")), rs.getLong("done"),
                rs.getObject("total", Long.class), rs.getString("outcome"),
                rs.getTimestamp("created_at").toInstant(),
                Optional.ofNullable(rs.getTimestamp("finished_at")).map(Timestamp::toInstant).orElse(null));
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void running(UUID runId) {
        jdbc.sql("update job_run set status = 'RUNNING', started_at = coalesce(started_at, now()) where id = ?").param(runId).update();
    }

    /** Back in the queue, as it was before any replica picked it: its page shows it waiting, not failed. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void queuedAgain(UUID runId) {
        jdbc.sql("update job_run set status = 'QUEUED', done = 0, total = null where id = ?").param(runId).update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void progress(UUID runId, long done, Long total) {
        jdbc.sql("update job_run set done = ?, total = ? where id = ?").params(done, total, runId).update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void finish(UUID runId, JobProgress.Status status, String outcome) {
        jdbc.sql("update job_run set status = ?, outcome = ?, finished_at = now() where id = ?")
                .params(status.name(), outcome, runId)
                .update();
    }
}
