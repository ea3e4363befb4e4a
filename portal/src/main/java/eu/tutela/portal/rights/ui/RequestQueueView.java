package eu.tutela.portal.rights.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import eu.tutela.portal.rights.RequestHandling;
import eu.tutela.portal.rights.RightsRequest;
import eu.tutela.portal.shell.MainLayout;
import eu.tutela.portal.shell.PageTitle;
import eu.tutela.portal.shell.TenantTimes;
import eu.tutela.portal.tenancy.TenantSettings;
import eu.tutela.portal.tenancy.TenantSettingsService;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * The DPO's queue of rights requests, soonest due first, each with its days left coloured by urgency (near, due today,
 * overdue); the closed ones on demand. A row opens the request.
 */
@Route(value = "t/:tenant/requests", layout = MainLayout.class)
@PermitAll
public class RequestQueueView extends VerticalLayout implements BeforeEnterObserver, PageTitle {

    private final RequestHandling handling;
    private final TenantSettingsService settings;
    private final Grid<RightsRequest> grid = new Grid<>();
    private final Checkbox closed = new Checkbox();
    private String tenantSlug;

    RequestQueueView(RequestHandling handling, TenantSettingsService settings) {
        this.handling = handling;
        this.settings = settings;
    }

    @Override
    public String titleKey() {
        return "rights.queue.title";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        tenantSlug = event.getRouteParameters().get("tenant").orElseThrow();
        removeAll();
        H2 title = new H2(getTranslation("rights.queue.title"));
        title.setId("requests-title");
        add(title, new Paragraph(getTranslation("rights.queue.intro")));
        TenantSettings tenant = settings.current();
        TenantTimes times = new TenantTimes(tenant.timeZone(), getLocale());
        LocalDate today = LocalDate.now(tenant.timeZone());
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        closed.setLabel(getTranslation("rights.queue.closed"));
        closed.setId("requests-closed");
        closed.addValueChangeListener(e -> refresh());
        grid.removeAllColumns();
        grid.setId("requests");
        grid.setAriaLabel(getTranslation("rights.queue.title"));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(RightsRequest::reference).setHeader(getTranslation("rights.reference")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation("rights.type." + r.type().name())).setHeader(getTranslation("rights.type"));
        grid.addColumn(RightsRequest::subjectName).setHeader(getTranslation("rights.subject"));
        grid.addColumn(r -> times.format(r.receivedAt())).setHeader(getTranslation("rights.received"));
        grid.addColumn(r -> r.deadline().due().format(dates)).setHeader(getTranslation("rights.due"));
        grid.addComponentColumn(r -> RequestBadges.daysLeft(r, today)).setHeader(getTranslation("rights.daysLeft"));
        grid.addComponentColumn(RequestBadges::status).setHeader(getTranslation("rights.status"));
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(this::open));
        add(closed, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(handling.queue(!closed.getValue()));
    }

    private void open(RightsRequest request) {
        getUI().ifPresent(ui -> ui.navigate(RequestView.class, new RouteParameters(java.util.Map.of("tenant", tenantSlug, "id",
                request.id().toString()))));
    }
}
