package eu.tutela.portal.platform.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Route;
import eu.tutela.portal.platform.PlatformConsole;
import eu.tutela.portal.shell.FieldErrors;
import eu.tutela.portal.shell.MainLayout;
import eu.tutela.portal.shell.PageTitle;
import eu.tutela.tenantadmin.lifecycle.Deleted;
import eu.tutela.tenantadmin.lifecycle.LifecycleException;
import eu.tutela.tenantadmin.lifecycle.Provisioned;
import eu.tutela.tenantadmin.lifecycle.TenantSummary;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The platform operator's console: the institutions with status, members and last activity, filtered and sorted;
 * new ones created, and each suspended, reactivated, exported or deleted from its row.
 */
@Route(value = MainLayout.PLATFORM_ROUTE, layout = MainLayout.class)
@RolesAllowed("PLATFORM_OPERATOR")
public class PlatformView extends VerticalLayout implements PageTitle {

    private final PlatformConsole console;
    private final ConsoleTimes times;
    private final Grid<TenantSummary> grid = new Grid<>();
    private final TextField search = new TextField();
    private final Select<String> status = new Select<>();
    private List<TenantSummary> all = List.of();

    PlatformView(PlatformConsole console) {
        this.console = console;
        this.times = new ConsoleTimes(getLocale());
        H2 title = new H2(getTranslation("platform.title"));
        title.setId("platform-title");
        search.setId("platform-search");
        search.setLabel(getTranslation("platform.search"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> filter());
        status.setId("platform-status-filter");
        status.setLabel(getTranslation("platform.status"));
        status.setItems(List.of("", "ACTIVE", "SUSPENDED", "PROVISIONING"));
        status.setItemLabelGenerator(s -> s.isEmpty() ? getTranslation("platform.status.all") : getTranslation("platform.status." + s));
        status.setValue("");
        status.addValueChangeListener(e -> filter());
        Button create = new Button(getTranslation("platform.new"), e -> new NewInstitutionDialog(console, this::created).open());
        create.setId("platform-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout tools = new HorizontalLayout(search, status, create);
        tools.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        tools.addClassName("page-actions");
        tools.setWrap(true);

        grid.setId("platform-tenants");
        grid.setAriaLabel(getTranslation("platform.tenants"));
        grid.addColumn(TenantSummary::slug).setHeader(getTranslation("platform.slug"))
                .setComparator(TenantSummary::slug).setSortable(true).setAutoWidth(true);
        grid.addColumn(TenantSummary::name).setHeader(getTranslation("platform.name"))
                .setComparator(Comparator.comparing(TenantSummary::name, String.CASE_INSENSITIVE_ORDER)).setSortable(true)
                .setFlexGrow(1);
        grid.addColumn(t -> Locale.of("", t.country()).getDisplayCountry(getLocale())).setHeader(getTranslation("platform.country"))
                .setSortable(true).setAutoWidth(true);
        grid.addComponentColumn(this::statusBadge).setHeader(getTranslation("platform.status"))
                .setComparator(TenantSummary::status).setSortable(true).setAutoWidth(true);
        grid.addColumn(TenantSummary::members).setHeader(getTranslation("platform.members"))
                .setComparator(TenantSummary::members).setSortable(true).setAutoWidth(true);
        grid.addColumn(t -> times.format(t.lastActivity())).setHeader(getTranslation("platform.lastActivity"))
                .setComparator(Comparator.comparing(TenantSummary::lastActivity, Comparator.nullsFirst(Comparator.naturalOrder())))
                .setSortable(true).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("platform.actions")).setAutoWidth(true);
        add(title, tools, grid);
        setSizeFull();
        refresh();
    }

    private Span statusBadge(TenantSummary tenant) {
        Span badge = new Span(getTranslation("platform.status." + tenant.status()));
        badge.addClassNames("status-badge", "status-" + tenant.status().toLowerCase(Locale.ROOT));
        badge.setId("status-" + tenant.slug());
        return badge;
    }

    private HorizontalLayout actions(TenantSummary tenant) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        actions.addClassName("row-actions");
        if (tenant.isProvisioning()) {
            actions.add(action("resume", tenant, () -> resume(tenant)));
            actions.add(action("delete", tenant, () -> confirm(tenant, "delete")));
            return actions;
        }
        if (tenant.isSuspended()) {
            actions.add(action("reactivate", tenant, () -> reactivate(tenant)));
        } else {
            actions.add(action("suspend", tenant, () -> confirm(tenant, "suspend")));
        }
        actions.add(action("export", tenant, () -> new ExportsDialog(console, tenant).open()));
        actions.add(action("delete", tenant, () -> confirm(tenant, "delete")));
        return actions;
    }

    private Button action(String name, TenantSummary tenant, Runnable run) {
        Button button = new Button(getTranslation("platform." + name), e -> run.run());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        button.setId(name + "-" + tenant.slug());
        button.getElement().setAttribute("aria-label", getTranslation("platform." + name + ".of", tenant.name()));
        return button;
    }

    private void confirm(TenantSummary tenant, String action) {
        ConfirmBySlugDialog[] dialog = new ConfirmBySlugDialog[1];
        dialog[0] = new ConfirmBySlugDialog(tenant, action, () -> {
            try {
                if ("delete".equals(action)) {
                    Deleted deleted = console.delete(tenant.slug());
                    notifyDone(getTranslation(deleted.directoryWorkRemaining() == 0 ? "platform.deleted" : "platform.deletedPending",
                            tenant.name(), deleted.accountsRemoved()));
                } else {
                    console.suspend(tenant.slug());
                    notifyDone(getTranslation("platform.suspended", tenant.name()));
                }
                dialog[0].close();
                refresh();
            } catch (LifecycleException refusal) {
                dialog[0].refuse(LifecycleMessages.sentence(this, refusal, tenant.slug()));
            }
        });
        dialog[0].open();
    }

    private void reactivate(TenantSummary tenant) {
        run(() -> {
            console.reactivate(tenant.slug());
            notifyDone(getTranslation("platform.reactivated", tenant.name()));
        }, tenant);
    }

    private void resume(TenantSummary tenant) {
        run(() -> {
            // The values it was claimed with are kept: only the slug matters to finish it.
            console.resume(tenant.slug());
            notifyDone(getTranslation("platform.resumed", tenant.name()));
        }, tenant);
    }

    private void run(Runnable action, TenantSummary tenant) {
        try {
            action.run();
        } catch (LifecycleException refusal) {
            FieldErrors.notify(this, LifecycleMessages.sentence(this, refusal, tenant.slug()));
        }
        refresh();
    }

    private void created(Provisioned made) {
        notifyDone(getTranslation("platform.created", made.slug(), made.firstAdminEmail()));
        refresh();
    }

    private void notifyDone(String message) {
        Notification.show(message, 6_000, Notification.Position.BOTTOM_START);
    }

    private void refresh() {
        all = console.tenants();
        filter();
    }

    private void filter() {
        String text = search.getValue() == null ? "" : search.getValue().strip().toLowerCase(getLocale());
        String wanted = status.getValue() == null ? "" : status.getValue();
        grid.setItems(all.stream()
                .filter(t -> text.isEmpty() || t.slug().contains(text) || t.name().toLowerCase(getLocale()).contains(text))
                .filter(t -> wanted.isEmpty() || wanted.equals(t.status()))
                .toList());
    }

    @Override
    public String titleKey() {
        return "platform.title";
    }
}
