package eu.tutela.portal.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import eu.tutela.portal.audit.Actor;
import eu.tutela.portal.audit.AuditEntry;
import eu.tutela.portal.audit.AuditFilter;
import eu.tutela.portal.audit.AuditTrail;
import eu.tutela.portal.audit.ChainVerification;
import eu.tutela.portal.shell.MainLayout;
import eu.tutela.portal.shell.PageTitle;
import eu.tutela.portal.shell.TenantTimes;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantSettings;
import eu.tutela.portal.tenancy.TenantSettingsService;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayOutputStream;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * The tenant's audit trail for its administrators and DPO: filtered by period, actor, action and
 * subject, read lazily page by page, verified end to end, exported to CSV. Times in the tenant's zone.
 */
@Route(value = "t/:tenant/audit", layout = MainLayout.class)
@PermitAll
public class AuditTrailView extends VerticalLayout implements BeforeEnterObserver, PageTitle {

    private final AuditTrail trail;
    private final TenantSettingsService settings;
    private final Grid<AuditEntry> grid = new Grid<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final ComboBox<Actor> actor = new ComboBox<>();
    private final ComboBox<String> action = new ComboBox<>();
    private final TextField subject = new TextField();
    private final Paragraph verification = new Paragraph();
    private ZoneId zone;

    AuditTrailView(AuditTrail trail, TenantSettingsService settings) {
        this.trail = trail;
        this.settings = settings;
        setSizeFull();
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        actor.addValueChangeListener(e -> refresh());
        action.addValueChangeListener(e -> refresh());
        subject.addValueChangeListener(e -> refresh());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        TenantSettings tenant = settings.current();
        zone = tenant.timeZone();
        TenantTimes times = new TenantTimes(zone, getLocale());
        H2 title = new H2(getTranslation("audit.title"));
        title.setId("audit-title");
        Paragraph zoneNote = new Paragraph(getTranslation("audit.zone", zone.getId()));

        from.setId("audit-from");
        from.setLabel(getTranslation("audit.from"));
        to.setId("audit-to");
        to.setLabel(getTranslation("audit.to"));
        actor.setId("audit-actor");
        actor.setLabel(getTranslation("audit.actor"));
        actor.setItems(trail.actors());
        actor.setItemLabelGenerator(Actor::label);
        action.setId("audit-action");
        action.setLabel(getTranslation("audit.action"));
        action.setItems(trail.actions());
        subject.setId("audit-subject");
        subject.setLabel(getTranslation("audit.subject"));
        subject.setValueChangeMode(ValueChangeMode.LAZY);
        HorizontalLayout filters = new HorizontalLayout(from, to, actor, action, subject);
        filters.addClassName("page-actions");

        grid.setId("audit-grid");
        grid.setAriaLabel(getTranslation("audit.title"));
        grid.removeAllColumns();
        grid.addColumn(AuditEntry::seq).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> times.format(e.occurredAt())).setHeader(getTranslation("audit.when")).setAutoWidth(true);
        grid.addColumn(e -> e.actorId() == null ? getTranslation("audit.system") : e.actorLabel())
                .setHeader(getTranslation("audit.actor")).setAutoWidth(true);
        grid.addColumn(AuditEntry::action).setHeader(getTranslation("audit.action")).setAutoWidth(true);
        grid.addColumn(e -> e.subjectLabel() == null ? e.subjectType() : e.subjectLabel())
                .setHeader(getTranslation("audit.subject")).setAutoWidth(true);
        grid.addColumn(AuditEntry::summary).setHeader(getTranslation("audit.summary")).setFlexGrow(1);
        refresh();

        Button verify = new Button(getTranslation("audit.verify"), e -> verify());
        verify.setId("audit-verify");
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        verification.setId("audit-verification");
        UUID tenantId = tenant.tenantId();
        Anchor export = new Anchor(DownloadHandler.fromInputStream(download -> {
            // The download request runs outside the tab's tenant; the tenant is stated explicitly.
            ByteArrayOutputStream csv = new ByteArrayOutputStream();
            TenantContext.runAs(tenantId, () -> trail.exportCsv(filter(), zone, csv));
            byte[] bytes = csv.toByteArray();
            return new DownloadResponse(new ByteArrayInputStream(bytes), "audit-" + tenant.slug() + "-" + LocalDate.now(zone) + ".csv",
                    "text/csv;charset=UTF-8", bytes.length);
        }), getTranslation("audit.export"));
        export.setId("audit-export");
        HorizontalLayout actions = new HorizontalLayout(verify, export);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        actions.addClassName("page-actions");

        add(title, zoneNote, filters, actions, verification, grid);
        setFlexGrow(1, grid);
    }

    private AuditFilter filter() {
        Instant start = from.getValue() == null ? null : from.getValue().atStartOfDay(zone).toInstant();
        Instant end = to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay(zone).toInstant();
        return new AuditFilter(start, end, actor.getValue() == null ? null : actor.getValue().id(), action.getValue(), subject.getValue());
    }

    /** A new lazy query for the filters as they are now; the grid fetches page after page as it scrolls. */
    private void refresh() {
        AuditFilter filter = filter();
        grid.setItems(query -> trail.page(filter, query.getOffset(), query.getLimit()).stream());
    }

    private void verify() {
        ChainVerification result = trail.verify();
        verification.removeClassNames("verification-intact", "verification-broken");
        if (result.intact()) {
            verification.setText(getTranslation("audit.intact", result.checked()));
            verification.addClassName("verification-intact");
        } else {
            verification.setText(getTranslation("audit.broken", result.firstBrokenSeq(),
                    getTranslation("audit.break." + result.reason().name())));
            verification.addClassName("verification-broken");
        }
    }

    @Override
    public String titleKey() {
        return "audit.title";
    }
}
