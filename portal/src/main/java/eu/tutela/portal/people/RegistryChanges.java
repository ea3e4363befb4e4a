package eu.tutela.portal.people;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Whether anything changed the bound institution's registry (its people, their links) since an import's preview
 * began: V34's trigger notes each transaction that writes them, and the preview records the snapshot it began with. A
 * transaction the snapshot could not see, in progress or not begun then, is a change; one it saw is not.
 */
@Repository
class RegistryChanges {

    private final JdbcClient jdbc;

    RegistryChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records what the preview of this import can see, as its first statement (every later read of the registry sees
     * at least that much). The institution's older notes served earlier imports only: one import at a time.
     */
    void previewBegins(UUID importId) {
        jdbc.sql("delete from registry_change").update();
        jdbc.sql("update roster_import set preview_snapshot = pg_current_snapshot() where id = ?").param(importId).update();
    }

    /** Whether a transaction the preview of this import could not see has changed the registry (true if it recorded nothing). */
    boolean changedSincePreview(UUID importId) {
        return jdbc.sql("""
                select coalesce((select i.preview_snapshot is null
                                        or exists (select 1 from registry_change c where not pg_visible_in_snapshot(c.xact, i.preview_snapshot))
                                   from roster_import i where i.id = ?), true)""").param(importId).query(Boolean.class).single();
    }

    /** Forgets the notes no import waits for (the bound institution's); how many. */
    int forgetUnawaited() {
        return jdbc.sql("""
                delete from registry_change
                 where not exists (select 1 from roster_import where status in ('PREVIEWING', 'PREVIEWED', 'APPLYING'))""").update();
    }
}
