package eu.tutela.portal.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Where Keycloak sends the browser back after the sign-out has ended both sessions. */
@Route(value = "signed-out", autoLayout = false)
@AnonymousAllowed
public class SignedOutView extends VerticalLayout implements PageTitle {

    SignedOutView() {
        setAlignItems(Alignment.CENTER);
        H1 title = new H1(getTranslation("signedOut.title"));
        title.setId("signed-out-title");
        Anchor again = new Anchor(LoginView.KEYCLOAK_SIGN_IN, getTranslation("signedOut.again"));
        again.setId("sign-in-again");
        again.setRouterIgnore(true);
        add(title, new Paragraph(getTranslation("signedOut.text")), again);
    }

    @Override
    public String titleKey() {
        return "signedOut.title";
    }
}
