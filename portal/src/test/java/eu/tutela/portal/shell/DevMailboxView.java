package eu.tutela.portal.shell;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import eu.tutela.portal.devservices.EmbeddedServices;
import eu.tutela.portal.devservices.EmbeddedSmtpServer;
import jakarta.annotation.security.PermitAll;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The e-mails caught by the embedded SMTP server. Exists only where the project started that server. */
@Route(value = MainLayout.DEV_MAILBOX_ROUTE, layout = MainLayout.class)
@PermitAll
public class DevMailboxView extends VerticalLayout implements BeforeEnterObserver, PageTitle {

    record CaughtMail(String to, String subject, String sent, String text) {
    }

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<EmbeddedSmtpServer> smtp = EmbeddedServices.current().flatMap(EmbeddedServices::smtp);
        if (smtp.isEmpty()) {
            throw new NotFoundException();
        }
        removeAll();
        add(new H2(getTranslation("mailbox.title")));
        // Newest first: the mail a developer waits for is the one just sent.
        List<CaughtMail> mails = new ArrayList<>(smtp.get().received().stream().map(DevMailboxView::describe).toList());
        Collections.reverse(mails);
        if (mails.isEmpty()) {
            add(new Paragraph(getTranslation("mailbox.empty")));
            return;
        }
        Grid<CaughtMail> grid = new Grid<>();
        grid.addColumn(CaughtMail::to).setHeader(getTranslation("mailbox.to"));
        grid.addColumn(CaughtMail::subject).setHeader(getTranslation("mailbox.subject"));
        grid.addColumn(CaughtMail::sent).setHeader(getTranslation("mailbox.sent"));
        var view = grid.setItems(mails);
        TextField filter = new TextField(getTranslation("mailbox.filter"));
        filter.setId("mailbox-filter");
        filter.setValueChangeMode(ValueChangeMode.EAGER);
        filter.addValueChangeListener(e -> view.setFilter(m -> m.to().contains(e.getValue().strip().toLowerCase(Locale.ROOT))));
        VerticalLayout message = new VerticalLayout();
        message.setId("mailbox-message");
        grid.asSingleSelect().addValueChangeListener(e -> {
            message.removeAll();
            if (e.getValue() != null) {
                Pre body = new Pre(e.getValue().text());
                body.addClassName("mail-body");
                message.add(body);
                Matcher links = LINK.matcher(e.getValue().text());
                while (links.find()) {
                    message.add(new Anchor(links.group(), links.group()));
                }
            }
        });
        add(filter, grid, message);
    }

    private static CaughtMail describe(MimeMessage message) {
        try {
            return new CaughtMail(String.join(", ", Arrays.stream(message.getAllRecipients()).map(Object::toString).toList()),
                    message.getSubject(), String.valueOf(message.getSentDate()), plainText(message));
        } catch (MessagingException e) {
            return new CaughtMail("?", e.getMessage(), "", "");
        }
    }

    /** The plain-text part, or the whole body of a single-part message. */
    private static String plainText(MimeMessage message) {
        try {
            Object content = message.getContent();
            if (content instanceof Multipart multipart) {
                return firstText(multipart);
            }
            return String.valueOf(content);
        } catch (Exception e) {
            return "";
        }
    }

    private static String firstText(Multipart multipart) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                return String.valueOf(part.getContent());
            }
            if (part.getContent() instanceof Multipart nested) {
                String text = firstText(nested);
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }

    @Override
    public String titleKey() {
        return "mailbox.title";
    }
}
