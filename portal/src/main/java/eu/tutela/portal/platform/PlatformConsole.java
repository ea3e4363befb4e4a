package eu.tutela.portal.platform;

import eu.tutela.portal.jobs.JobProgress;
import eu.tutela.portal.jobs.Jobs;
import eu.tutela.portal.security.CurrentUser;
import eu.tutela.portal.security.PortalUser;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.tenantadmin.lifecycle.Deleted;
import eu.tutela.tenantadmin.lifecycle.ExportRecord;
import eu.tutela.tenantadmin.lifecycle.LifecycleException;
import eu.tutela.tenantadmin.lifecycle.PlatformAuditEntry;
import eu.tutela.tenantadmin.lifecycle.Provisioned;
import eu.tutela.tenantadmin.lifecycle.TenantLifecycle;
import eu.tutela.tenantadmin.lifecycle.TenantSpec;
import eu.tutela.tenantadmin.lifecycle.TenantSummary;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * What the platform operator does to institutions, checked here: every method is the platform operator's alone
 * (read from the database at each call), and each action is written to the platform audit stream under the
 * operator's address.
 */
@Service
public class PlatformConsole {

    private final TenantLifecycle lifecycle;
    private final CurrentUser currentUser;
    private final Jobs jobs;

    PlatformConsole(TenantLifecycle lifecycle, CurrentUser currentUser, Jobs jobs) {
        this.lifecycle = lifecycle;
        this.currentUser = currentUser;
        this.jobs = jobs;
    }

    @PreAuthorize("@caller.isPlatformOperator()")
    public List<TenantSummary> tenants() {
        return lifecycle.list();
    }

    /** Creates the institution, or finishes one whose creation was interrupted; its first administrator is invited next. */
    @PreAuthorize("@caller.isPlatformOperator()")
    public Provisioned create(TenantSpec spec) {
        return lifecycle.create(spec, actor());
    }

    /** Finishes a creation that was interrupted, with the values it was started with. */
    @PreAuthorize("@caller.isPlatformOperator()")
    public Provisioned resume(String slug) {
        return lifecycle.resume(slug, actor());
    }

    @PreAuthorize("@caller.isPlatformOperator()")
    public boolean suspend(String slug) {
        return lifecycle.suspend(slug, actor());
    }

    @PreAuthorize("@caller.isPlatformOperator()")
    public boolean reactivate(String slug) {
        return lifecycle.reactivate(slug, actor());
    }

    /** Starts an export in the background; its progress is {@link #exportProgress}. */
    @PreAuthorize("@caller.isPlatformOperator()")
    public UUID startExport(String slug) {
        return TenantContext.callAs(require(slug), () -> jobs.start(TenantExportJob.KIND, TenantExportJob.parameters(slug, actor())));
    }

    @PreAuthorize("@caller.isPlatformOperator()")
    public Optional<JobProgress> exportProgress(String slug, UUID runId) {
        return TenantContext.callAs(require(slug), () -> jobs.progress(runId)).filter(p -> TenantExportJob.KIND.equals(p.kind()));
    }

    /** The newest export run of this tenant, to show where it got when the operator comes back. */
    @PreAuthorize("@caller.isPlatformOperator()")
    public Optional<JobProgress> latestExportRun(String slug) {
        return TenantContext.callAs(require(slug), () -> jobs.latest(TenantExportJob.KIND));
    }

    @PreAuthorize("@caller.isPlatformOperator()")
    public List<ExportRecord> exports(String slug) {
        return lifecycle.exports(slug);
    }

    /** Streams a stored export of this tenant; false if there is none with that id. */
    @PreAuthorize("@caller.isPlatformOperator()")
    public boolean download(String slug, UUID exportId, OutputStream out) {
        return lifecycle.copyArchive(slug, exportId, out);
    }

    @PreAuthorize("@caller.isPlatformOperator()")
    public Deleted delete(String slug) {
        return lifecycle.delete(slug, actor());
    }

    @PreAuthorize("@caller.isPlatformOperator()")
    public List<PlatformAuditEntry> auditTrail(int limit) {
        return lifecycle.auditTrail(null, limit);
    }

    @PreAuthorize("@caller.isPlatformOperator()")
    public OptionalLong firstBrokenAuditEntry() {
        return lifecycle.firstBrokenAuditEntry();
    }

    /** The tenant's id; the export dialog asks every second while it polls, so one row, not the overview. */
    private UUID require(String slug) {
        return lifecycle.tenantId(slug).orElseThrow(() -> new LifecycleException(LifecycleException.Reason.NOT_FOUND,
                "No tenant has the slug '" + slug + "'.", null));
    }

    private String actor() {
        return currentUser.portalUser().map(PortalUser::email).orElseThrow() + " (console)";
    }
}
