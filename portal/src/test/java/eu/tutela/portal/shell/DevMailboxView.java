package eu.tutela.portal.shell;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import eu.tutela.portal.devservices.EmbeddedServices;
import eu.tutela.portal.devservices.EmbeddedSmtpServer;
import jakarta.annotation.security.PermitAll;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The e-mails caught by the embedded SMTP server. Exists only where the project started that server. */
@Route(value = MainLayout.DEV_MAILBOX_ROUTE, layout = MainLayout.class)
@PermitAll
public class DevMailboxView extends VerticalLayout implements BeforeEnterObserver, PageTitle {

    record CaughtMail(String to, String subject, String sent) {
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<EmbeddedSmtpServer> smtp = EmbeddedServices.current().flatMap(EmbeddedServices::smtp);
        if (smtp.isEmpty()) {
            throw new NotFoundException();
        }
        removeAll();
        add(new H2(getTranslation("mailbox.title")));
        List<CaughtMail> mails = smtp.get().received().stream().map(DevMailboxView::describe).toList();
        if (mails.isEmpty()) {
            add(new Paragraph(getTranslation("mailbox.empty")));
            return;
        }
        Grid<CaughtMail> grid = new Grid<>();
        grid.addColumn(CaughtMail::to).setHeader(getTranslation("mailbox.to"));
        grid.addColumn(CaughtMail::subject).setHeader(getTranslation("mailbox.subject"));
        grid.addColumn(CaughtMail::sent).setHeader(getTranslation("mailbox.sent"));
        grid.setItems(mails);
        add(grid);
    }

    private static CaughtMail describe(MimeMessage message) {
        try {
            return new CaughtMail(String.join(", ", Arrays.stream(message.getAllRecipients()).map(Object::toString).toList()),
                    message.getSubject(), String.valueOf(message.getSentDate()));
        } catch (MessagingException e) {
            return new CaughtMail("?", e.getMessage(), "");
        }
    }

    @Override
    public String titleKey() {
        return "mailbox.title";
    }
}
