package eu.tutela.portal.shell;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import eu.tutela.portal.security.CurrentUser;
import eu.tutela.portal.security.PortalUser;
import jakarta.annotation.security.PermitAll;

/** A signed-in person whom no institution has registered yet. */
@Route(value = "no-membership", layout = MainLayout.class)
@PermitAll
public class NoMembershipView extends VerticalLayout implements BeforeEnterObserver, PageTitle {

    private final CurrentUser currentUser;

    NoMembershipView(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        H2 title = new H2(getTranslation("noMembership.title"));
        title.setId("no-membership-title");
        String email = currentUser.portalUser().map(PortalUser::email).orElse("");
        add(title, new Paragraph(getTranslation("noMembership.text", email)));
    }

    @Override
    public String titleKey() {
        return "noMembership.title";
    }
}
