package eu.tutela.portal.jobs;

/**
 * A kind of long work done for one tenant (an import, an export): a bean of this type is run by the
 * engine when {@link Jobs#start} names its {@link #kind()}. It runs bound to its tenant and to the
 * person who started it, may be run again after a crash (so it resumes rather than repeats), and
 * reports progress through its {@link JobContext}.
 */
public interface TenantJob {

    String kind();

    /**
     * Whether it runs while its tenant is suspended. A suspended tenant's own work waits (and is tried again
     * later); the platform operator's work on it (an export before deletion) does not.
     */
    default boolean runsWhileSuspended() {
        return false;
    }

    /** Does the work; a thrown exception marks the run failed with its message. */
    void run(JobContext context) throws Exception;
}
