package eu.tutela.portal.platform.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.shared.Registration;
import eu.tutela.portal.jobs.JobProgress;
import eu.tutela.portal.platform.PlatformConsole;
import eu.tutela.tenantadmin.lifecycle.ExportRecord;
import eu.tutela.tenantadmin.lifecycle.TenantSummary;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * A tenant's exports: start one (it runs in the background, so the operator may close this and come back), see how
 * far the running one got, download a finished one (any replica serves it), with its SHA-256.
 */
class ExportsDialog extends Dialog {

    private final PlatformConsole console;
    private final TenantSummary tenant;
    private final ConsoleTimes times;
    private final ProgressBar bar = new ProgressBar();
    private final Paragraph status = new Paragraph();
    private final Button start = new Button();
    private final Grid<ExportRecord> exports = new Grid<>();
    private Registration polling;
    private UI pollingUi;

    ExportsDialog(PlatformConsole console, TenantSummary tenant) {
        this.console = console;
        this.tenant = tenant;
        this.times = new ConsoleTimes(getLocale());
        setHeaderTitle(getTranslation("platform.exports.title", tenant.name()));
        Paragraph explanation = new Paragraph(getTranslation("platform.exports.explanation"));
        status.setId("export-status");
        status.getElement().setAttribute("role", "status");
        bar.setId("export-progress");
        bar.getElement().setAttribute("aria-label", getTranslation("platform.exports.progress"));
        bar.setVisible(false);
        start.setText(getTranslation("platform.exports.start"));
        start.setId("export-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> {
            console.startExport(tenant.slug());
            refresh();
        });
        exports.setId("exports-grid");
        exports.setAriaLabel(getTranslation("platform.exports.list"));
        exports.addColumn(x -> times.format(x.finishedAt() != null ? x.finishedAt() : x.createdAt()))
                .setHeader(getTranslation("platform.exports.when")).setAutoWidth(true);
        exports.addColumn(x -> getTranslation("platform.exports.status." + x.status())).setHeader(getTranslation("platform.status"));
        exports.addColumn(x -> x.rows() == null ? "" : x.rows().toString()).setHeader(getTranslation("platform.exports.rows"));
        exports.addComponentColumn(x -> {
            Span sha = new Span(x.sha256() == null ? "" : x.sha256().substring(0, 12) + "…");
            sha.getElement().setAttribute("title", x.sha256() == null ? "" : x.sha256());
            return sha;
        }).setHeader("SHA-256");
        exports.addColumn(ExportRecord::requestedBy).setHeader(getTranslation("platform.exports.by")).setAutoWidth(true);
        exports.addComponentColumn(this::download).setHeader(getTranslation("platform.exports.file"));
        exports.setAllRowsVisible(true);
        add(explanation, start, bar, status, exports);
        Button close = new Button(getTranslation("platform.close"), e -> close());
        close.setId("exports-close");
        getFooter().add(close);
        setWidth("min(60em, 100vw)");
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                stopPolling();
            }
        });
        // Leaving the page with the dialog open stops the polling too: the export goes on without anyone watching.
        addDetachListener(e -> stopPolling());
        refresh();
    }

    private Anchor download(ExportRecord export) {
        if (!export.downloadable() || !"DONE".equals(export.status())) {
            return new Anchor();
        }
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            if (!console.download(tenant.slug(), export.id(), zip)) {
                return DownloadResponse.error(404);
            }
            byte[] bytes = zip.toByteArray();
            return new DownloadResponse(new ByteArrayInputStream(bytes),
                    export.fileName(), "application/zip", bytes.length);
        }), getTranslation("platform.exports.download"));
        link.getElement().setAttribute("download", true);
        link.getElement().setAttribute("aria-label", getTranslation("platform.exports.downloadOf", export.fileName()));
        link.addClassName("export-download");
        return link;
    }

    private void refresh() {
        Optional<JobProgress> run = console.latestExportRun(tenant.slug());
        boolean running = run.isPresent() && !run.get().finished();
        start.setEnabled(!running);
        bar.setVisible(running);
        run.ifPresentOrElse(r -> {
            r.fraction().ifPresentOrElse(f -> {
                bar.setIndeterminate(false);
                bar.setValue(f);
            }, () -> bar.setIndeterminate(true));
            status.setText(switch (r.status()) {
                case QUEUED -> getTranslation("platform.exports.queued");
                case RUNNING -> getTranslation("platform.exports.running", r.done(), r.total() == null ? "?" : r.total());
                case SUCCEEDED -> getTranslation("platform.exports.succeeded");
                case FAILED -> getTranslation("platform.exports.failed", r.outcome() == null ? "" : r.outcome());
            });
        }, () -> status.setText(getTranslation("platform.exports.none")));
        exports.setItems(console.exports(tenant.slug()));
        if (running && polling == null) {
            pollingUi = UI.getCurrent();
            pollingUi.setPollInterval(1000);
            polling = pollingUi.addPollListener(e -> refresh());
        } else if (!running) {
            stopPolling();
        }
    }

    private void stopPolling() {
        if (polling != null) {
            polling.remove();
            polling = null;
            pollingUi.setPollInterval(-1);
        }
    }
}
