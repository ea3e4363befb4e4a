package eu.tutela.portal.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** Shown for a tenant that does not exist and for one the person may not enter alike: a URL reveals nothing. */
@Route(value = "unavailable", layout = MainLayout.class)
@PermitAll
public class TenantUnavailableView extends VerticalLayout implements PageTitle {

    TenantUnavailableView() {
        H2 title = new H2(getTranslation("unavailable.title"));
        title.setId("unavailable-title");
        add(title, new Paragraph(getTranslation("unavailable.text")), new Anchor("", getTranslation("unavailable.home")));
    }

    @Override
    public String titleKey() {
        return "unavailable.title";
    }
}
