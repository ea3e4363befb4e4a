package eu.tutela.portal.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import eu.tutela.portal.security.KeycloakAvailability;
import eu.tutela.portal.security.SignInRefusal;

/**
 * The sign-in entry. Normally it hands over to Keycloak at once; after a failed sign-in it says so,
 * and while Keycloak cannot be reached it says that and goes on by itself when Keycloak is back.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, PageTitle {

    static final String KEYCLOAK_SIGN_IN = "/oauth2/authorization/keycloak";

    private final KeycloakAvailability keycloak;
    private final Paragraph status = new Paragraph();

    LoginView(KeycloakAvailability keycloak) {
        this.keycloak = keycloak;
        setAlignItems(Alignment.CENTER);
        status.setId("login-status");
        status.getElement().setAttribute("role", "status");
        Anchor signIn = new Anchor(KEYCLOAK_SIGN_IN, getTranslation("login.button"));
        signIn.setId("sign-in");
        signIn.setRouterIgnore(true);
        add(new H1(getTranslation("login.title")), status, signIn);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        UI ui = event.getUI();
        var error = event.getLocation().getQueryParameters().getSingleParameter("error");
        if (error.isPresent()) {
            status.setText(getTranslation(SignInRefusal.UNVERIFIED_EMAIL.code().equals(error.get())
                    ? "login.unverifiedEmail" : "login.error"));
            status.getElement().setAttribute("role", "alert");
            return;
        }
        if (keycloak.isAvailable()) {
            status.setText(getTranslation("login.redirecting"));
            ui.getPage().setLocation(KEYCLOAK_SIGN_IN);
            return;
        }
        status.setText(getTranslation("login.unavailable"));
        ui.setPollInterval(5_000);
        ui.addPollListener(poll -> {
            if (keycloak.isAvailable()) {
                ui.setPollInterval(-1);
                ui.getPage().setLocation(KEYCLOAK_SIGN_IN);
            }
        });
    }

    @Override
    public String titleKey() {
        return "login.title";
    }
}
