package eu.tutela.portal.shell;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import eu.tutela.portal.tenancy.Tenant;
import eu.tutela.portal.tenancy.TenantDirectory;
import jakarta.annotation.security.RolesAllowed;

/** The platform operator's landing page: the institutions on the platform. */
@Route(value = "platform", layout = MainLayout.class)
@RolesAllowed("PLATFORM_OPERATOR")
public class PlatformView extends VerticalLayout implements PageTitle {

    PlatformView(TenantDirectory tenants) {
        H2 title = new H2(getTranslation("platform.title"));
        title.setId("platform-title");
        Grid<Tenant> grid = new Grid<>();
        grid.setAriaLabel(getTranslation("platform.tenants"));
        grid.addColumn(Tenant::slug).setHeader(getTranslation("platform.slug"));
        grid.addColumn(Tenant::name).setHeader(getTranslation("platform.name"));
        grid.addColumn(Tenant::country).setHeader(getTranslation("platform.country"));
        grid.setItems(tenants.all());
        add(title, grid);
    }

    @Override
    public String titleKey() {
        return "platform.title";
    }
}
