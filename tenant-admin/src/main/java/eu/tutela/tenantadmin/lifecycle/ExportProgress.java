package eu.tutela.tenantadmin.lifecycle;

/** Told how far an export got, in rows, every few hundred rows and at the end. */
@FunctionalInterface
public interface ExportProgress {

    ExportProgress NONE = (done, total) -> { };

    void rows(long done, long total);
}
