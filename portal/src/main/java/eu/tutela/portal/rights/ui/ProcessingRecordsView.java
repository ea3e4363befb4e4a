package eu.tutela.portal.rights.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import eu.tutela.portal.privacy.ProcessingRecord;
import eu.tutela.portal.privacy.ProcessingRecords;
import eu.tutela.portal.shell.MainLayout;
import eu.tutela.portal.shell.PageTitle;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantSettings;
import eu.tutela.portal.tenancy.TenantSettingsService;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.UUID;

/**
 * The records of processing (GDPR Art. 30) for the DPO: the controller and its DPO, then every category of personal
 * data the portal stores for the institution, as each module's provider describes it; downloadable as a PDF. Here
 * rather than in the privacy module's own pages: that module depends on none of the others (the shell among them).
 */
@Route(value = "t/:tenant/processing-records", layout = MainLayout.class)
@PermitAll
public class ProcessingRecordsView extends VerticalLayout implements BeforeEnterObserver, PageTitle {

    private final ProcessingRecords records;
    private final TenantSettingsService settings;

    ProcessingRecordsView(ProcessingRecords records, TenantSettingsService settings) {
        this.records = records;
        this.settings = settings;
        addClassName("processing-records");
    }

    @Override
    public String titleKey() {
        return "privacy.records.title";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        TenantSettings tenant = settings.current();
        Locale locale = getLocale();
        H2 title = new H2(getTranslation("privacy.records.title"));
        title.setId("records-title");
        add(title, new Paragraph(getTranslation("privacy.records.intro")));
        Paragraph controller = new Paragraph(getTranslation("privacy.records.controller", tenant.displayName(),
                tenant.dpoName() == null ? "—" : tenant.dpoName(), tenant.dpoEmail() == null ? "—" : tenant.dpoEmail(), ""));
        controller.setId("records-controller");
        UUID tenantId = tenant.tenantId();
        Anchor pdf = new Anchor(DownloadHandler.fromInputStream(download -> {
            byte[] bytes = TenantContext.callAs(tenantId, () -> records.pdf(locale));
            return new DownloadResponse(new ByteArrayInputStream(bytes), "records-of-processing-" + tenant.slug() + ".pdf",
                    "application/pdf", bytes.length);
        }), getTranslation("privacy.records.pdf"));
        pdf.setId("records-pdf");
        pdf.getElement().setAttribute("download", true);
        add(controller, pdf);
        for (ProcessingRecord record : records.records(locale)) {
            Section section = new Section();
            section.setId("record-" + record.category());
            section.addClassName("processing-record");
            section.add(new H3(record.name()));
            section.add(line("what", record.what()), line("purpose", record.purpose()), line("basis", record.basis()),
                    line("retention", record.retention()), line("source", record.source()),
                    line("recipients", String.join(" ; ", record.recipients())),
                    line("where", record.module() + " · " + String.join(", ", record.tables())));
            add(section);
        }
    }

    private Div line(String label, String value) {
        Div line = new Div(getTranslation("privacy.records.line", getTranslation("privacy.records." + label), value));
        line.addClassName("processing-record-line");
        return line;
    }
}
