package eu.tutela.portal.people.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import eu.tutela.portal.people.People;
import eu.tutela.portal.people.PeopleFilter;
import eu.tutela.portal.people.PeopleSort;
import eu.tutela.portal.people.Person;
import eu.tutela.portal.people.PersonKind;
import eu.tutela.portal.shell.MainLayout;
import eu.tutela.portal.shell.PageTitle;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantSettingsService;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.UUID;

/**
 * The institution's people, for its administrators, DPO and staff: a grid the database pages, sorts and
 * filters (name whatever the accents, kind, class, minors, active), so that it stays quick at 100,000 people.
 */
@Route(value = "t/:tenant/people", layout = MainLayout.class)
@PermitAll
public class PeopleView extends VerticalLayout implements BeforeEnterObserver, PageTitle {

    private final People people;
    private final TenantSettingsService settings;
    private final Grid<Person> grid = new Grid<>();
    private final TextField search = new TextField();
    private final Select<PersonKind> kind = new Select<>();
    private final TextField className = new TextField();
    private final Checkbox minorsOnly = new Checkbox();
    private final Checkbox includeInactive = new Checkbox();
    private final Span total = new Span();
    private String slug;

    PeopleView(People people, TenantSettingsService settings) {
        this.people = people;
        this.settings = settings;
    }

    @Override
    public String titleKey() {
        return "people.title";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        slug = settings.current().slug();
        H2 title = new H2(getTranslation("people.title"));
        title.setId("people-title");

        search.setId("people-search");
        search.setLabel(getTranslation("people.search"));
        search.setHelperText(getTranslation("people.searchHelp"));
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        kind.setId("people-kind");
        kind.setLabel(getTranslation("people.kind"));
        kind.setItems(PersonKind.values());
        kind.setItemLabelGenerator(k -> k == null ? getTranslation("people.kind.any") : getTranslation("people.kind." + k.name()));
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption(getTranslation("people.kind.any"));
        className.setId("people-class");
        className.setLabel(getTranslation("people.class"));
        className.setValueChangeMode(ValueChangeMode.LAZY);
        minorsOnly.setId("people-minors");
        minorsOnly.setLabel(getTranslation("people.minorsOnly"));
        includeInactive.setId("people-inactive");
        includeInactive.setLabel(getTranslation("people.includeInactive"));
        HorizontalLayout filters = new HorizontalLayout(search, kind, className, minorsOnly, includeInactive);
        filters.addClassName("page-actions");
        filters.setDefaultVerticalComponentAlignment(Alignment.BASELINE);

        grid.setId("people-grid");
        grid.setAriaLabel(getTranslation("people.title"));
        grid.removeAllColumns();
        grid.addColumn(Person::familyName).setHeader(getTranslation("people.familyName")).setKey("name").setSortable(true).setAutoWidth(true);
        grid.addColumn(Person::givenName).setHeader(getTranslation("people.givenName")).setAutoWidth(true);
        grid.addColumn(p -> getTranslation("people.kind." + p.kind().name())).setHeader(getTranslation("people.kind")).setAutoWidth(true);
        grid.addColumn(p -> p.className() == null ? "" : p.className()).setHeader(getTranslation("people.class")).setKey("class")
                .setSortable(true).setAutoWidth(true);
        grid.addColumn(p -> (p.minor() ? getTranslation("people.minor") : "") + (p.active() ? "" : " " + getTranslation("people.inactive")))
                .setHeader(getTranslation("people.status")).setAutoWidth(true);
        grid.setItems(query -> {
            PeopleSort sort = query.getSortOrders().stream().findFirst()
                    .map(order -> "class".equals(order.getSorted()) ? PeopleSort.CLASS
                            : order.getDirection() == SortDirection.DESCENDING ? PeopleSort.NAME_DESC : PeopleSort.NAME)
                    .orElse(PeopleSort.NAME);
            return people.search(filter(), sort, query.getOffset(), query.getLimit()).stream();
        }, query -> (int) Math.min(Integer.MAX_VALUE, people.count(filter())));
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.setMinHeight("24rem");

        search.addValueChangeListener(e -> refresh());
        kind.addValueChangeListener(e -> refresh());
        className.addValueChangeListener(e -> refresh());
        minorsOnly.addValueChangeListener(e -> refresh());
        includeInactive.addValueChangeListener(e -> refresh());
        total.setId("people-total");
        total.getElement().setAttribute("aria-live", "polite");

        Button register = new Button(getTranslation("people.register"), e -> new PersonDialog(people, null, this::open).open());
        register.setId("people-register");
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        boolean mayEdit = people.mayEdit();
        register.setVisible(mayEdit);
        Button importFile = new Button(getTranslation("people.import.open"),
                e -> UI.getCurrent().navigate(RosterImportView.class, new RouteParameters(Map.of("tenant", slug))));
        importFile.setId("people-import");
        importFile.setVisible(mayEdit);
        HorizontalLayout actions = new HorizontalLayout(register, importFile);
        actions.addClassName("page-actions");
        if (mayEdit) {
            actions.add(export());
        }

        add(title, actions, filters, total, grid);
        refresh();
    }

    /** The list as filtered now, as a spreadsheet (what the grid shows, every page of it). */
    private Anchor export() {
        UUID tenantId = settings.current().tenantId();
        Anchor export = new Anchor(DownloadHandler.fromInputStream(download -> {
            PeopleFilter filter = filter();
            ByteArrayOutputStream csv = new ByteArrayOutputStream();
            TenantContext.runAs(tenantId, () -> people.exportCsv(filter, this::getTranslation, csv));
            byte[] bytes = csv.toByteArray();
            return new DownloadResponse(new ByteArrayInputStream(bytes), getTranslation("people.export.file"), "text/csv;charset=UTF-8",
                    bytes.length);
        }), getTranslation("people.export"));
        export.setId("people-export");
        export.getElement().setAttribute("download", true);
        return export;
    }

    private PeopleFilter filter() {
        return new PeopleFilter(search.getValue(), kind.getValue(), className.getValue(), minorsOnly.getValue() ? Boolean.TRUE : null,
                includeInactive.getValue() ? null : Boolean.TRUE);
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        total.setText(getTranslation("people.total", people.count(filter())));
    }

    private void open(Person person) {
        UI.getCurrent().navigate(PersonView.class, new RouteParameters(Map.of("tenant", slug, "person", person.id().toString())));
    }
}
