package eu.tutela.portal.jobs;

import java.util.UUID;

/** What a running {@link TenantJob} knows and how it tells how far it got. */
public interface JobContext {

    UUID tenantId();

    UUID runId();

    /** What the starter passed to {@link Jobs#start}; empty when nothing. */
    String parameters();

    /** Records progress in its own transaction, so that a page sees it at once. */
    void progress(long done, Long total);

    /** A short, user-readable result shown when the run finished (a count, a file name). */
    void outcome(String outcome);
}
