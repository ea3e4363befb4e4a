package eu.tutela.portal.administration.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;

/**
 * Open to signed-in people only, so that following it makes an anonymous invitee sign in (or
 * register) first; it then hands them back to the invitation.
 */
@Route("invitation/:token/join")
@PermitAll
public class InvitationSignInView extends Div implements BeforeEnterObserver {

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.forwardTo(InvitationView.class,
                new RouteParameters(InvitationView.TOKEN, event.getRouteParameters().get(InvitationView.TOKEN).orElse("")));
    }
}
