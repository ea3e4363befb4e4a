package eu.tutela.portal.people;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.UUID;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A preview's staging tables kept in the database between the preview and the import, as PostgreSQL's binary COPY of
 * each, in chunks. The bytes pass through a temporary file: the connection that copies them out or in cannot run the
 * statements that store or fetch the chunks meanwhile, and memory stays flat whatever the roster's size.
 */
@Repository
class RosterStage {

    private final JdbcClient jdbc;

    RosterStage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps this staging table of the transaction for the import, replacing what a previous preview kept. */
    void keep(UUID importId, String table, CopyManager copy) throws IOException {
        Path file = Files.createTempFile("roster-stage", ".bin");
        try {
            try (OutputStream out = Files.newOutputStream(file)) {
                copy.copyOut("COPY " + table + " TO STDOUT (FORMAT binary)", out);
            } catch (SQLException e) {
                throw new IllegalStateException("Keeping the staged roster failed: " + e.getMessage(), e);
            }
            jdbc.sql("delete from roster_import_stage where import_id = ? and table_name = ?").params(importId, table).update();
            byte[] buffer = new byte[RosterFiles.CHUNK];
            try (InputStream in = Files.newInputStream(file)) {
                for (int seq = 0, filled; (filled = in.readNBytes(buffer, 0, buffer.length)) > 0; seq++) {
                    jdbc.sql("insert into roster_import_stage (tenant_id, import_id, table_name, seq, bytes) "
                                    + "values (current_tenant_id(), ?, ?, ?, ?)")
                            .params(importId, table, seq, filled == buffer.length ? buffer : Arrays.copyOf(buffer, filled)).update();
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Whether a preview kept its staged rows for this import. */
    boolean kept(UUID importId) {
        return jdbc.sql("select exists (select 1 from roster_import_stage where import_id = ?)").param(importId)
                .query(Boolean.class).single();
    }

    /** Fills this (empty) staging table of the transaction with what the preview kept. */
    void restore(UUID importId, String table, CopyManager copy) throws IOException {
        Path file = Files.createTempFile("roster-stage", ".bin");
        try {
            try (OutputStream out = Files.newOutputStream(file)) {
                // A chunk at a time: the driver would otherwise hold the whole result in memory.
                for (int seq = 0; ; seq++) {
                    byte[] chunk = jdbc.sql("select bytes from roster_import_stage where import_id = ? and table_name = ? and seq = ?")
                            .params(importId, table, seq).query(byte[].class).optional().orElse(null);
                    if (chunk == null) {
                        break;
                    }
                    out.write(chunk);
                }
            }
            try (InputStream in = Files.newInputStream(file)) {
                copy.copyIn("COPY " + table + " FROM STDIN (FORMAT binary)", in);
            } catch (SQLException e) {
                throw new IllegalStateException("Restoring the staged roster failed: " + e.getMessage(), e);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Forgets the staged rows: the import is applied or will not be. */
    void forget(UUID importId) {
        jdbc.sql("delete from roster_import_stage where import_id = ?").param(importId).update();
    }
}
