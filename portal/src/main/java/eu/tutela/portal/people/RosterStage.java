package eu.tutela.portal.people;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A preview's staging tables kept in the database between the preview and the import ({@code roster_x} of the
 * preview's transaction as the rows of {@code roster_kept_x} under its import), copied by one statement each way:
 * nothing passes through the application, and memory stays flat whatever the roster's size.
 */
@Repository
class RosterStage {

    private final JdbcClient jdbc;

    RosterStage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps this staging table of the transaction (these columns of it) for the import. */
    void keep(UUID importId, String table, String columns) {
        jdbc.sql("insert into roster_kept_" + table + " (tenant_id, import_id, " + columns + ") select current_tenant_id(), ?, "
                + columns + " from roster_" + table).param(importId).update();
    }

    /**
     * Whether a preview kept its staged rows for this import (a database that crashed since has lost them: the kept
     * tables are unlogged, and the import then reads its files again).
     */
    boolean kept(UUID importId) {
        return jdbc.sql("""
                select exists (select 1 from roster_kept_person where import_id = ?)
                    or exists (select 1 from roster_kept_problem where import_id = ?)""").params(importId, importId)
                .query(Boolean.class).single();
    }

    /** Fills this (empty) staging table of the transaction with what the preview kept. */
    void restore(UUID importId, String table, String columns) {
        jdbc.sql("insert into roster_" + table + " (" + columns + ") select " + columns + " from roster_kept_" + table
                + " where import_id = ?").param(importId).update();
    }

    /** Forgets the staged rows: the import is applied or will not be. */
    void forget(UUID importId) {
        for (String table : new String[] {"person", "link", "problem"}) {
            jdbc.sql("delete from roster_kept_" + table + " where import_id = ?").param(importId).update();
        }
    }
}
