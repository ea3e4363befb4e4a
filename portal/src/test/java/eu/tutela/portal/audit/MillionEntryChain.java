package eu.tutela.portal.audit;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import org.springframework.core.env.Environment;

/** A long, valid chain for one tenant, written straight through the owner's connection with COPY: benchmark set-up only. */
public final class MillionEntryChain {

    private MillionEntryChain() {
    }

    public static void write(Environment env, UUID tenantId, int entries) {
        try (Connection owner = DriverManager.getConnection(env.getRequiredProperty("spring.flyway.url"),
                env.getRequiredProperty("spring.flyway.user"), env.getRequiredProperty("spring.flyway.password"));
                Statement statement = owner.createStatement()) {
            owner.setAutoCommit(false);
            statement.execute("alter table audit_entry no force row level security");
            statement.execute("alter table audit_entry disable row level security");
            CopyManager copy = new CopyManager(owner.unwrap(BaseConnection.class));
            String previous = AuditChain.GENESIS;
            Instant start = Instant.parse("2026-01-01T00:00:00Z");
            StringBuilder batch = new StringBuilder();
            for (int seq = 1; seq <= entries; seq++) {
                Instant at = start.plusSeconds(seq);
                String subject = "p" + (seq % 3_000);
                String summary = "{\"after\":{\"grade\":\"4e\"},\"before\":{\"grade\":\"5e\"}}";
                String hash = AuditChain.hash(previous, tenantId, seq, at, null, "system", "person.changed", "person", subject,
                        "Pupil " + subject, summary);
                batch.append(tenantId).append('\t').append(seq).append('\t').append(at).append("\t\\N\tsystem\tperson.changed\tperson\t")
                        .append(subject).append("\tPupil ").append(subject).append('\t').append(summary).append('\t').append(previous)
                        .append('\t').append(hash).append('\n');
                previous = hash;
                if (seq % 50_000 == 0 || seq == entries) {
                    copy.copyIn("copy audit_entry (tenant_id, seq, occurred_at, actor_id, actor_label, action, subject_type, subject_id, "
                            + "subject_label, summary, previous_hash, hash) from stdin", new StringReader(batch.toString()));
                    batch.setLength(0);
                }
            }
            statement.execute("alter table audit_entry enable row level security");
            statement.execute("alter table audit_entry force row level security");
            owner.commit();
            statement.execute("analyze audit_entry");
        } catch (Exception e) {
            throw new IllegalStateException("Could not write the benchmark chain", e);
        }
    }
}
