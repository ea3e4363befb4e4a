package eu.tutela.portal.audit;

import eu.tutela.portal.spreadsheet.SpreadsheetCsv;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading, verifying and exporting the trail of the tenant of the current work: for its ADMIN and DPO only. */
@Service
public class AuditTrail {

    private final AuditEntries entries;

    AuditTrail(AuditEntries entries) {
        this.entries = entries;
    }

    /** Newest first, {@code limit} entries from {@code offset}: what a lazy grid asks for. */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional(readOnly = true)
    public List<AuditEntry> page(AuditFilter filter, int offset, int limit) {
        return entries.page(filter, offset, Math.min(limit, 500));
    }

    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional(readOnly = true)
    public List<String> actions() {
        return entries.actions();
    }

    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional(readOnly = true)
    public List<Actor> actors() {
        return entries.actors();
    }

    /** Re-computes the whole chain from its first entry and names the first broken link, if any. */
    @PreAuthorize("@caller.isSystemWorkOrHas('ADMIN', 'DPO')")
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        AuditChain.Verifier verifier = new AuditChain.Verifier();
        entries.each(AuditFilter.NONE, verifier::accept);
        return verifier.result();
    }

    /**
     * Writes the matching entries as CSV (UTF-8 with a byte-order mark, so that spreadsheets read the
     * accents), times in {@code zone}. A cell that a spreadsheet would take for a formula is quoted
     * with a leading apostrophe: a name like {@code =HYPERLINK(...)} stays text.
     */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional(readOnly = true)
    public void exportCsv(AuditFilter filter, ZoneId zone, OutputStream out) {
        SpreadsheetCsv csv = SpreadsheetCsv.to(out, "seq", "occurred_at", "actor", "action", "subject_type", "subject_id", "subject",
                "summary", "hash");
        entries.each(filter, e -> csv.row(e.seq(), e.occurredAt().atZone(zone).toOffsetDateTime(), e.actorLabel(), e.action(),
                e.subjectType(), e.subjectId(), e.subjectLabel(), e.summary(), e.hash()));
        csv.flush();
    }
}
