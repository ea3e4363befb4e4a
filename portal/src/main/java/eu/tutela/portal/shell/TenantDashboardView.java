package eu.tutela.portal.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import eu.tutela.portal.tenancy.TenantRole;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** A tenant's landing page: one panel per role the person holds there. */
@Route(value = "t/:tenant", layout = MainLayout.class)
@PermitAll
public class TenantDashboardView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final List<TenantMenuEntry> menu;
    private String title = "";

    TenantDashboardView(List<TenantMenuEntry> menu) {
        this.menu = menu.stream().sorted(Comparator.comparingInt(TenantMenuEntry::order)).toList();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        TenantNavigationGuard.selectionOf(UI.getCurrent()).ifPresent(this::show);
    }

    private void show(TenantSelection selection) {
        title = selection.tenant().name() + " · " + getTranslation("app.name");
        H2 heading = new H2(getTranslation("dashboard.title", selection.tenant().name()));
        heading.setId("dashboard-title");
        String roles = String.join(", ", selection.roles().stream().map(r -> getTranslation("role." + r.name())).toList());
        Paragraph rolesLine = new Paragraph(getTranslation("dashboard.yourRoles", roles));
        rolesLine.setId("dashboard-roles");
        Locale locale = getLocale();
        Paragraph country = new Paragraph(getTranslation("dashboard.country",
                Locale.of("", selection.tenant().country()).getDisplayCountry(locale)));
        add(heading, rolesLine, country);
        RouteParameters tenant = new RouteParameters(TenantNavigationGuard.TENANT_PARAMETER, selection.tenant().slug());
        for (TenantRole role : selection.roles()) {
            // The pages of this role, one tap away: a parent arriving from an invitation goes straight on from here.
            UnorderedList pages = new UnorderedList();
            pages.addClassName("role-pages");
            menu.stream().filter(entry -> entry.roles().contains(role)).forEach(entry -> {
                RouterLink link = new RouterLink(getTranslation(entry.labelKey()), entry.view(), tenant);
                link.setId("panel-" + role.name().toLowerCase(Locale.ROOT) + "-" + entry.labelKey().replace('.', '-'));
                pages.add(new ListItem(link));
            });
            Section panel = new Section(new H3(getTranslation("dashboard." + role.name() + ".title")),
                    new Paragraph(getTranslation("dashboard." + role.name() + ".text")),
                    pages.getChildren().findAny().isPresent() ? pages : new Paragraph(getTranslation("dashboard.empty")));
            panel.setId("panel-" + role.name().toLowerCase(Locale.ROOT));
            panel.addClassName("role-panel");
            add(panel);
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
