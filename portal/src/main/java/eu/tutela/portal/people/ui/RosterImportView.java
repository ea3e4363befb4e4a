package eu.tutela.portal.people.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import eu.tutela.portal.jobs.JobProgress;
import eu.tutela.portal.people.RosterFile;
import eu.tutela.portal.people.RosterImport;
import eu.tutela.portal.people.RosterImports;
import eu.tutela.portal.people.RosterProblem;
import eu.tutela.portal.people.RosterSummary;
import eu.tutela.portal.people.TextEncoding;
import eu.tutela.portal.shell.FieldErrors;
import eu.tutela.portal.shell.MainLayout;
import eu.tutela.portal.shell.PageTitle;
import eu.tutela.portal.shell.TenantTimes;
import eu.tutela.portal.tenancy.InvalidInputException;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantSettings;
import eu.tutela.portal.tenancy.TenantSettingsService;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Importing people from a spreadsheet or a OneRoster export, for administrators and the DPO: choose the files, read
 * the preview (counts, and every row left out with its line and reason), confirm or cancel, follow the progress. The
 * work runs in the background: leaving the page, or signing out and in again, finds it where it got to.
 */
@Route(value = "t/:tenant/people/import", layout = MainLayout.class)
@PermitAll
public class RosterImportView extends VerticalLayout implements BeforeEnterObserver, PageTitle {

    private static final int PROBLEMS_SHOWN = 500;

    private final RosterImports imports;
    private final TenantSettingsService settings;
    private final List<RosterImports.Upload> received = new ArrayList<>();
    private final Div current = new Div();
    private final Grid<RosterImport> history = new Grid<>();
    private TenantSettings tenant;
    private TenantTimes times;
    private Upload upload;
    private Registration polling;
    private UI pollingUi;

    RosterImportView(RosterImports imports, TenantSettingsService settings) {
        this.imports = imports;
        this.settings = settings;
        addDetachListener(e -> {
            stopPolling();
            discardReceived();
        });
    }

    @Override
    public String titleKey() {
        return "people.import.title";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        tenant = settings.current();
        times = new TenantTimes(tenant.timeZone(), getLocale());
        H2 title = new H2(getTranslation("people.import.title"));
        title.setId("import-title");
        Anchor back = new Anchor("t/" + tenant.slug() + "/people", getTranslation("people.back"));
        back.setId("import-back");
        current.setId("import-current");
        current.addClassName("roster-current");
        current.getElement().setAttribute("aria-live", "polite");
        // What is under way or waiting for confirmation comes first: it is what a person coming back looks for.
        add(title, back, current, chooser(), historySection());
        showLatest();
    }

    /** Choosing the files: the formats explained, the template to download, how to read them. */
    private VerticalLayout chooser() {
        H3 heading = new H3(getTranslation("people.import.choose"));
        Paragraph formats = new Paragraph(getTranslation("people.import.formats"));
        Locale locale = getLocale();
        Anchor template = new Anchor(DownloadHandler.fromInputStream(download -> {
            byte[] bytes = imports.template(locale);
            return new DownloadResponse(new ByteArrayInputStream(bytes), getTranslation("people.import.templateFile"),
                    "text/csv;charset=UTF-8", bytes.length);
        }), getTranslation("people.import.template"));
        template.setId("import-template");
        template.getElement().setAttribute("download", true);

        upload = new Upload(UploadHandler.toTempFile((metadata, file) -> getUI().ifPresent(ui -> ui.access(() ->
                received.add(new RosterImports.Upload(metadata.fileName(), file.toPath()))))));
        upload.setId("import-upload");
        upload.setMaxFiles(10);
        upload.setMaxFileSize((int) RosterImports.MAX_BYTES);
        upload.setAcceptedFileTypes(".csv", ".txt", ".zip", "text/csv", "text/plain", "application/zip");
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("people.import.addFile"))
                .setMany(getTranslation("people.import.addFiles")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("people.import.drop"))
                .setMany(getTranslation("people.import.drop")));
        i18n.setError(new UploadI18N.Error().setFileIsTooBig(getTranslation("people.import.tooLarge"))
                .setIncorrectFileType(getTranslation("people.import.fileType"))
                .setTooManyFiles(getTranslation("people.import.tooManyFiles")));
        upload.setI18n(i18n);
        upload.addFileRejectedListener(e -> FieldErrors.notify(this, e.getErrorMessage()));
        upload.addFileRemovedListener(e -> received.removeIf(file -> file.name().equals(e.getFileName())));

        RadioButtonGroup<RosterImport.Mode> mode = new RadioButtonGroup<>(getTranslation("people.import.mode"));
        mode.setId("import-mode");
        mode.setItems(RosterImport.Mode.CHANGES, RosterImport.Mode.FULL);
        mode.setItemLabelGenerator(m -> getTranslation("people.import.mode." + m.name()));
        mode.setValue(RosterImport.Mode.CHANGES);
        mode.setHelperText(getTranslation("people.import.modeHelp"));
        Select<TextEncoding> encoding = encodingSelect("import-encoding");

        Button read = new Button(getTranslation("people.import.read"), e -> {
            if (received.isEmpty()) {
                FieldErrors.notify(this, getTranslation("people.import.noFile"));
                return;
            }
            try {
                imports.start(List.copyOf(received), mode.getValue(), encoding.getValue());
                discardReceived();
                upload.clearFileList();
                showLatest();
            } catch (InvalidInputException refused) {
                refused.problems().values().forEach(key -> FieldErrors.notify(this, getTranslation(key)));
                discardReceived();
                upload.clearFileList();
            }
        });
        read.setId("import-read");
        read.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout options = new HorizontalLayout(mode, encoding);
        options.addClassName("page-actions");
        VerticalLayout chooser = new VerticalLayout(heading, formats, template, upload, options, read);
        chooser.setPadding(false);
        chooser.addClassName("roster-chooser");
        return chooser;
    }

    private Select<TextEncoding> encodingSelect(String id) {
        Select<TextEncoding> encoding = new Select<>();
        encoding.setId(id);
        encoding.setLabel(getTranslation("people.import.encoding"));
        encoding.setItems(TextEncoding.values());
        encoding.setEmptySelectionAllowed(true);
        encoding.setEmptySelectionCaption(getTranslation("people.import.encoding.detect"));
        encoding.setItemLabelGenerator(e -> e == null ? getTranslation("people.import.encoding.detect") : e.toString());
        return encoding;
    }

    private void showLatest() {
        current.removeAll();
        Optional<RosterImport> latest = imports.latest();
        latest.ifPresent(found -> current.add(panel(found)));
        history.setItems(imports.history(50));
        boolean working = latest.map(i -> i.status().working()).orElse(false);
        if (working && polling == null) {
            pollingUi = UI.getCurrent();
            pollingUi.setPollInterval(1000);
            polling = pollingUi.addPollListener(e -> showLatest());
        } else if (!working) {
            stopPolling();
        }
    }

    /** Where the newest import stands, and what can be done with it. */
    private Div panel(RosterImport found) {
        Div panel = new Div();
        panel.addClassName("roster-panel");
        H3 heading = new H3(getTranslation("people.import.current", found.fileName()));
        Span status = new Span(getTranslation("people.import.status." + found.status().name()));
        status.setId("import-status");
        status.addClassNames("status-badge", "roster-status-" + found.status().name().toLowerCase(Locale.ROOT));
        panel.add(heading, status, fileList(found));
        switch (found.status()) {
            case PREVIEWING, APPLYING -> panel.add(progress(found));
            case PREVIEWED -> {
                panel.add(new Paragraph(getTranslation("people.import.previewIntro." + found.mode().name())));
                panel.add(summary(found.summary(), true), problems(found));
                Button confirm = new Button(getTranslation("people.import.confirm"), e -> act(() -> imports.confirm(found.id())));
                confirm.setId("import-confirm");
                confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                Button cancel = new Button(getTranslation("people.import.cancel"), e -> act(() -> {
                    imports.cancel(found.id());
                    return null;
                }));
                cancel.setId("import-cancel");
                HorizontalLayout actions = new HorizontalLayout(confirm, cancel, reread(found));
                actions.addClassName("page-actions");
                actions.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
                panel.add(actions);
            }
            case REFUSED, FAILED -> {
                Paragraph why = new Paragraph(getTranslation(found.refusalKey(), found.refusalDetail() == null ? "" : found.refusalDetail()));
                why.setId("import-refusal");
                why.addClassName("verification-broken");
                HorizontalLayout actions = new HorizontalLayout(reread(found));
                actions.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
                panel.add(why, actions);
            }
            case APPLIED -> {
                panel.add(new Paragraph(getTranslation("people.import.appliedOn", times.format(found.appliedAt()),
                        found.appliedBy() == null ? "" : found.appliedBy())));
                panel.add(summary(found.summary(), false));
                if (found.summary() != null && found.summary().invalidRows() > 0) {
                    panel.add(problems(found));
                }
                Button see = new Button(getTranslation("people.import.seePeople"),
                        e -> UI.getCurrent().navigate(PeopleView.class, new RouteParameters(Map.of("tenant", tenant.slug()))));
                see.setId("import-see-people");
                panel.add(see);
            }
            case CANCELLED -> panel.add(new Paragraph(getTranslation("people.import.cancelledHelp")));
            default -> { }
        }
        return panel;
    }

    private Paragraph fileList(RosterImport found) {
        Optional<TextEncoding> chosen = imports.encodingChoice(found.id());
        List<String> described = imports.files(found.id()).stream().map(f -> getTranslation("people.import.fileLine", f.name(),
                size(f), chosen.map(c -> getTranslation("people.import.encoding.chosen", c.toString()))
                        .orElse(getTranslation("people.import.encoding.detected", f.detectedEncoding().toString())))).toList();
        String format = found.format() == null ? "" : getTranslation("people.import.format." + found.format().name()) + " — ";
        Paragraph files = new Paragraph(format + String.join(" · ", described));
        files.setId("import-files");
        return files;
    }

    private String size(RosterFile file) {
        long kib = Math.max(1, (file.sizeBytes() + 1023) / 1024);
        return kib < 1024 ? getTranslation("people.import.kib", kib) : getTranslation("people.import.mib", (kib + 1023) / 1024);
    }

    private VerticalLayout progress(RosterImport found) {
        ProgressBar bar = new ProgressBar();
        bar.setId("import-progress");
        bar.getElement().setAttribute("aria-label", getTranslation("people.import.progress"));
        Optional<JobProgress> run = imports.progress(found.id());
        Optional<Double> fraction = run.flatMap(r -> r.fraction().isPresent() ? Optional.of(r.fraction().getAsDouble()) : Optional.empty());
        fraction.ifPresentOrElse(bar::setValue, () -> bar.setIndeterminate(true));
        Paragraph text = new Paragraph(getTranslation("people.import.working." + found.status().name(),
                fraction.map(f -> Math.round(f * 100)).orElse(0L)));
        text.setId("import-progress-text");
        Paragraph leave = new Paragraph(getTranslation("people.import.leaveAnytime"));
        VerticalLayout progress = new VerticalLayout(bar, text, leave);
        progress.setPadding(false);
        return progress;
    }

    /** The counts as a list a screen reader reads in order. */
    private Div summary(RosterSummary summary, boolean future) {
        Div list = new Div();
        list.setId("import-summary");
        list.addClassName("roster-summary");
        if (summary == null) {
            return list;
        }
        String tense = future ? "will" : "did";
        int[] counts = {summary.newPeople(), summary.changedPeople(), summary.unchangedPeople(), summary.deactivatedPeople(),
                summary.newLinks(), summary.changedLinks(), summary.removedLinks(), summary.invalidRows()};
        String[] keys = {"newPeople", "changedPeople", "unchangedPeople", "deactivatedPeople", "newLinks", "changedLinks", "removedLinks",
                "invalidRows"};
        for (int i = 0; i < counts.length; i++) {
            Div item = new Div(new Span(String.valueOf(counts[i])), new Text(" "), new Span(getTranslation("people.import." + tense + "." + keys[i])));
            item.setId("import-count-" + keys[i]);
            item.addClassName("roster-count");
            list.add(item);
        }
        return list;
    }

    /** The rows left out: the first ones on the page, all of them in the spreadsheet to download. */
    private VerticalLayout problems(RosterImport found) {
        VerticalLayout section = new VerticalLayout();
        section.setPadding(false);
        if (found.summary() == null || found.summary().invalidRows() == 0) {
            Paragraph none = new Paragraph(getTranslation("people.import.noProblems"));
            none.setId("import-no-problems");
            section.add(none);
            return section;
        }
        H3 heading = new H3(getTranslation("people.import.problems", found.summary().invalidRows()));
        Grid<RosterProblem> grid = new Grid<>();
        grid.setId("import-problems");
        grid.setAriaLabel(getTranslation("people.import.problemsLabel"));
        grid.addColumn(RosterProblem::file).setHeader(getTranslation("people.import.file")).setAutoWidth(true);
        grid.addColumn(RosterProblem::line).setHeader(getTranslation("people.import.line")).setAutoWidth(true);
        grid.addColumn(p -> getTranslation(p.fieldKey())).setHeader(getTranslation("people.import.field")).setAutoWidth(true);
        grid.addColumn(p -> getTranslation(p.messageKey(), p.detail() == null ? "" : p.detail()))
                .setHeader(getTranslation("people.import.problem")).setFlexGrow(1);
        grid.addColumn(p -> p.detail() == null ? "" : p.detail()).setHeader(getTranslation("people.import.value")).setAutoWidth(true);
        grid.setItems(imports.problems(found.id(), 0, PROBLEMS_SHOWN));
        grid.setAllRowsVisible(found.summary().invalidRows() <= 20);
        grid.setMinHeight("12rem");
        section.add(heading, grid, problemsDownload(found));
        return section;
    }

    private Anchor problemsDownload(RosterImport found) {
        UUID tenantId = tenant.tenantId();
        UUID importId = found.id();
        Locale locale = getLocale();
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> {
            ByteArrayOutputStream csv = new ByteArrayOutputStream();
            TenantContext.runAs(tenantId, () -> imports.problemsCsv(importId, locale, csv));
            byte[] bytes = csv.toByteArray();
            return new DownloadResponse(new ByteArrayInputStream(bytes), "import-problems-" + importId.toString().substring(0, 8) + ".csv",
                    "text/csv;charset=UTF-8", bytes.length);
        }), getTranslation("people.import.downloadProblems"));
        download.getElement().setAttribute("download", true);
        download.addClassName("roster-problems-download");
        return download;
    }

    /** Reading the files again in another encoding (or as detected): for accents that came out wrong. */
    private HorizontalLayout reread(RosterImport found) {
        Select<TextEncoding> encoding = encodingSelect("import-reread-encoding");
        imports.encodingChoice(found.id()).ifPresent(encoding::setValue);
        Button again = new Button(getTranslation("people.import.reread"), e -> act(() -> imports.reread(found.id(), encoding.getValue())));
        again.setId("import-reread");
        HorizontalLayout row = new HorizontalLayout(encoding, again);
        row.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        return row;
    }

    private void act(Supplier<?> action) {
        try {
            action.get();
        } catch (InvalidInputException refused) {
            refused.problems().values().forEach(key -> FieldErrors.notify(this, getTranslation(key)));
        }
        showLatest();
    }

    private VerticalLayout historySection() {
        H3 heading = new H3(getTranslation("people.import.history"));
        history.setId("import-history");
        history.setAriaLabel(getTranslation("people.import.history"));
        history.removeAllColumns();
        history.addColumn(i -> times.format(i.uploadedAt())).setHeader(getTranslation("people.import.when")).setAutoWidth(true);
        history.addColumn(i -> i.uploadedBy() == null ? "" : i.uploadedBy()).setHeader(getTranslation("people.import.by")).setAutoWidth(true);
        history.addColumn(RosterImport::fileName).setHeader(getTranslation("people.import.file")).setAutoWidth(true);
        history.addComponentColumn(i -> {
            Span sha = new Span(i.sha256().substring(0, 12) + "…");
            sha.getElement().setAttribute("title", i.sha256());
            return sha;
        }).setHeader("SHA-256").setAutoWidth(true);
        history.addColumn(i -> getTranslation("people.import.status." + i.status().name())).setHeader(getTranslation("people.status"))
                .setAutoWidth(true);
        history.addColumn(i -> i.summary() == null ? "" : getTranslation("people.import.summaryLine", i.summary().newPeople(),
                i.summary().changedPeople(), i.summary().deactivatedPeople(), i.summary().newLinks(), i.summary().invalidRows()))
                .setHeader(getTranslation("people.import.summary")).setFlexGrow(1);
        history.addComponentColumn(i -> i.summary() != null && i.summary().invalidRows() > 0 ? problemsDownload(i) : new Span())
                .setHeader(getTranslation("people.import.problemsColumn")).setAutoWidth(true);
        history.setAllRowsVisible(true);
        VerticalLayout section = new VerticalLayout(heading, history);
        section.setPadding(false);
        return section;
    }

    private void stopPolling() {
        if (polling != null) {
            polling.remove();
            polling = null;
            pollingUi.setPollInterval(-1);
        }
    }

    /** The temporary files of a choice not (or no longer) needed: their bytes are in the database once read. */
    private void discardReceived() {
        for (RosterImports.Upload file : received) {
            try {
                Files.deleteIfExists(file.path());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        received.clear();
    }
}
