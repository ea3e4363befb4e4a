package eu.tutela.portal.communication.ui;

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
import eu.tutela.portal.communication.UnsubscribeLink;
import eu.tutela.portal.communication.Unsubscriptions;
import eu.tutela.portal.shell.PageTitle;

/**
 * Where the unsubscribe link of a message leads a person: what it stops (the institution's e-mails on that message's
 * topic, to them), one button, then what was done and where to turn the e-mails back on. No sign-in: the link is the
 * proof; opening the page changes nothing, so a mail scanner following links stops nothing.
 */
@Route("unsubscribe/:token")
@AnonymousAllowed
public class UnsubscribeView extends VerticalLayout implements BeforeEnterObserver, PageTitle {

    private final Unsubscriptions unsubscriptions;

    UnsubscribeView(Unsubscriptions unsubscriptions) {
        this.unsubscriptions = unsubscriptions;
        setMaxWidth("40rem");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getRouteParameters().get("token").orElse("");
        show(token, unsubscriptions.follow(token));
    }

    private void show(String token, UnsubscribeLink link) {
        removeAll();
        H2 title = new H2();
        title.setId("unsubscribe-title");
        Paragraph text = new Paragraph();
        text.setId("unsubscribe-text");
        add(title, text);
        if (link.state() != UnsubscribeLink.State.VALID) {
            title.setText(getTranslation("unsubscribe.unusable.title"));
            text.setText(getTranslation("unsubscribe.state." + link.state().name()));
            add(new Anchor("", getTranslation("unavailable.home")));
            return;
        }
        String topic = getTranslation("unsubscribe.topic." + link.purpose().topic().name());
        String purpose = link.purpose().name(getLocale());
        if (link.stopped()) {
            title.setText(getTranslation("unsubscribe.done.title"));
            text.setText(getTranslation("unsubscribe.done.text", link.tenantName(), topic, purpose));
            add(new Paragraph(getTranslation("unsubscribe.done.undo")));
            return;
        }
        title.setText(getTranslation("unsubscribe.title", link.tenantName()));
        text.setText(getTranslation("unsubscribe.text", link.tenantName(), topic, purpose));
        Button stop = new Button(getTranslation("unsubscribe.stop"), e -> show(token, unsubscriptions.stop(token)));
        stop.setId("unsubscribe-stop");
        stop.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        stop.setDisableOnClick(true);
        add(stop, new Paragraph(getTranslation("unsubscribe.help")));
    }

    @Override
    public String titleKey() {
        return "unsubscribe.pageTitle";
    }
}
