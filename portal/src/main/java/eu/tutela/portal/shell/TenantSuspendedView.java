package eu.tutela.portal.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** Where a member of a suspended institution lands, at the next click if they were in it when it was suspended. */
@Route(value = "suspended", layout = MainLayout.class)
@PermitAll
public class TenantSuspendedView extends VerticalLayout implements PageTitle {

    TenantSuspendedView() {
        H2 title = new H2(getTranslation("suspended.title"));
        title.setId("suspended-title");
        add(title, new Paragraph(getTranslation("suspended.text")), new Anchor("", getTranslation("suspended.home")));
    }

    @Override
    public String titleKey() {
        return "suspended.title";
    }
}
