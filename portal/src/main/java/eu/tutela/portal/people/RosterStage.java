package eu.tutela.portal.people;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A preview's staging tables kept in the database between the preview and the import ({@code roster_x} of the
 * preview's transaction as arrays of its rows in {@code roster_kept_x} under its import), copied by one statement each way:
 * nothing passes through the application, and memory stays flat whatever the roster's size.
 */
@Repository
class RosterStage {

    private final JdbcClient jdbc;

    RosterStage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Rows of a staging table per kept part (V32): one array each, a few parts for a whole roster. */
    private static final int PART = 10_000;

    /** Every table kept under an import: {@code roster_kept_x}, its rows of type {@code roster_kept_x_row} but for verdicts. */
    private static final String[] KEPT = {"person", "link", "problem", "guardianship", "verdict", "removal"};

    /** Keeps this staging table of the transaction (these columns of it, the kept row type's) for the import. */
    void keep(UUID importId, String table, String columns) {
        keep(importId, table, columns, "roster_" + table);
    }

    /**
     * Keeps these columns of the rows {@code source} gives (a table, or a table and a condition) in {@code roster_kept_x}
     * for the import.
     */
    void keep(UUID importId, String kept, String columns, String source) {
        jdbc.sql("insert into roster_kept_" + kept + " (tenant_id, import_id, rows) select current_tenant_id(), ?, array_agg(r) "
                + "from (select row(" + columns + ")::" + rowType(kept) + " as r, (row_number() over () - 1) / " + PART
                + " as part from " + source + ") s group by part").param(importId).update();
    }

    private static String rowType(String kept) {
        return "roster_kept_" + (kept.equals("verdict") ? "problem" : kept) + "_row";
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
        restore(importId, table, "roster_" + table + " (" + columns + ")", "r.*", "true");
    }

    /**
     * Inserts what the preview kept in {@code roster_kept_x} into {@code target}, each kept row {@code r} as {@code values},
     * those meeting the {@code condition} on {@code r}.
     */
    void restore(UUID importId, String kept, String target, String values, String condition) {
        jdbc.sql("insert into " + target + " select " + values + " from roster_kept_" + kept + " k, unnest(k.rows) r where k.import_id = ? and "
                + condition).param(importId).update();
    }

    /** Forgets the staged rows: the import is applied or will not be. */
    void forget(UUID importId) {
        for (String table : KEPT) {
            jdbc.sql("delete from roster_kept_" + table + " where import_id = ?").param(importId).update();
        }
    }
}
