package eu.tutela.portal.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import eu.tutela.portal.security.Refusals;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A page that does not exist and a page the person's role may not open look the same (Vaadin
 * reroutes a denied navigation to "not found", and the security filter sends a refused page
 * request here), in the person's language, with a way back.
 */
@Route(value = Refusals.NOT_AVAILABLE_PATH, autoLayout = false)
@AnonymousAllowed
public class NotAvailableView extends VerticalLayout implements HasErrorParameter<NotFoundException>, PageTitle {

    NotAvailableView() {
        H1 title = new H1(getTranslation("notAvailable.title"));
        title.setId("not-available-title");
        add(title, new Paragraph(getTranslation("notAvailable.text")), new Anchor("", getTranslation("unavailable.home")));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }

    @Override
    public String titleKey() {
        return "notAvailable.title";
    }
}
