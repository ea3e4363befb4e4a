package eu.tutela.portal.administration.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import eu.tutela.portal.security.CurrentUser;
import eu.tutela.portal.security.InvitationLink;
import eu.tutela.portal.security.InvitationRefusedException;
import eu.tutela.portal.security.Invitations;
import eu.tutela.portal.security.PortalUser;
import eu.tutela.portal.shell.PageTitle;
import eu.tutela.portal.shell.TenantTimes;

/**
 * Where an invitation link leads. Before signing in, the holder sees the institution and role (or
 * why the link cannot be used); signed in with the invited address, they join in one click.
 */
@Route("invitation/:token")
@AnonymousAllowed
public class InvitationView extends VerticalLayout implements BeforeEnterObserver, PageTitle {

    static final String TOKEN = "token";

    private final Invitations invitations;
    private final CurrentUser currentUser;
    private final Paragraph problem = new Paragraph();

    InvitationView(Invitations invitations, CurrentUser currentUser) {
        this.invitations = invitations;
        this.currentUser = currentUser;
        setMaxWidth("40rem");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String token = event.getRouteParameters().get(TOKEN).orElse("");
        InvitationLink link = invitations.follow(token);
        H2 title = new H2();
        title.setId("invitation-title");
        add(title);
        if (link.state() != InvitationLink.State.VALID) {
            title.setText(getTranslation("invitation.unusable.title"));
            Paragraph why = new Paragraph(getTranslation("invitation.state." + link.state().name()));
            why.setId("invitation-state");
            add(why, new Anchor("", getTranslation("unavailable.home")));
            return;
        }
        title.setText(getTranslation("invitation.title", link.tenantName()));
        String role = getTranslation("role." + link.role().name());
        String until = new TenantTimes(link.timeZone(), getLocale()).format(link.expiresAt());
        Paragraph what = new Paragraph(getTranslation("invitation.text", link.tenantName(), role, link.email(), until));
        what.setId("invitation-text");
        add(what);
        problem.setId("invitation-problem");
        problem.addClassName("verification-broken");
        problem.setVisible(false);

        var signedIn = currentUser.portalUser();
        if (signedIn.isEmpty()) {
            Anchor signIn = new Anchor("invitation/" + token + "/join", getTranslation("invitation.signIn"));
            signIn.setId("invitation-sign-in");
            // A full page load, so that the sign-in remembers where to come back to.
            signIn.setRouterIgnore(true);
            add(new Paragraph(getTranslation("invitation.signIn.help")), signIn);
        } else if (!signedIn.map(PortalUser::email).orElse("").equalsIgnoreCase(link.email())) {
            problem.setText(getTranslation("invitation.refused.SOMEONE_ELSE", link.email()));
            problem.setVisible(true);
            add(problem);
        } else {
            Button join = new Button(getTranslation("invitation.join", link.tenantName()), e -> join(token));
            join.setId("invitation-join");
            join.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(join, problem);
        }
    }

    private void join(String token) {
        try {
            invitations.accept(token);
            // A fresh sign-in, silent since the identity provider's session is still open, brings a token
            // that names the institution just joined; the home page then opens it.
            getUI().ifPresent(ui -> ui.getPage().setLocation("oauth2/authorization/keycloak"));
        } catch (InvitationRefusedException refused) {
            problem.setText(getTranslation("invitation.refused." + refused.reason().name()));
            problem.setVisible(true);
        }
    }

    @Override
    public String titleKey() {
        return "invitation.pageTitle";
    }
}
