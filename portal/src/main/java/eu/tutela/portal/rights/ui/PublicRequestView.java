package eu.tutela.portal.rights.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import eu.tutela.portal.rights.PublicRequests;
import eu.tutela.portal.rights.RequestType;
import eu.tutela.portal.rights.RightsRequest;
import eu.tutela.portal.shell.FieldErrors;
import eu.tutela.portal.shell.PageTitle;
import eu.tutela.portal.tenancy.InvalidInputException;
import eu.tutela.portal.tenancy.TenantSettings;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * An institution's rights form for people without an account, a phone in mind: what they ask, then the code sent to
 * their address, then the reference of the request received.
 */
// Not ":tenant": that parameter marks the routes of signed-in members (TenantNavigationGuard).
@Route("p/:institution/request")
@AnonymousAllowed
public class PublicRequestView extends Main implements BeforeEnterObserver, PageTitle {

    private final PublicRequests requests;
    private String slug;
    private TenantSettings institution;

    PublicRequestView(PublicRequests requests) {
        this.requests = requests;
        addClassName("public-request");
    }

    @Override
    public String titleKey() {
        return "rights.public.pageTitle";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        slug = event.getRouteParameters().get("institution").orElse("");
        Optional<TenantSettings> found = requests.institution(slug);
        removeAll();
        if (found.isEmpty()) {
            H2 title = new H2(getTranslation("rights.public.unknownInstitution"));
            title.setId("public-request-title");
            add(title);
            return;
        }
        institution = found.get();
        form();
    }

    private void form() {
        removeAll();
        H2 title = new H2(getTranslation("rights.public.title", institution.displayName()));
        title.setId("public-request-title");
        Select<Locale> language = new Select<>();
        language.setId("public-request-language");
        language.setLabel(getTranslation("rights.public.language"));
        language.setItems(institution.languages().stream().map(Locale::of).toList());
        language.setItemLabelGenerator(l -> getTranslation("language." + l.getLanguage()));
        language.setValue(institution.languages().contains(getLocale().getLanguage()) ? Locale.of(getLocale().getLanguage())
                : Locale.of(institution.languages().getFirst()));
        language.addValueChangeListener(e -> {
            UI.getCurrent().setLocale(e.getValue());
            form();
        });
        Paragraph intro = new Paragraph(getTranslation("rights.public.intro"));
        Anchor signIn = new Anchor("/t/" + slug + "/my-requests", getTranslation("rights.public.members"));
        TextField name = new TextField(getTranslation("rights.public.nameLabel"));
        name.setId("public-request-name");
        name.setMaxLength(200);
        name.setAutocomplete(Autocomplete.NAME);
        EmailField email = new EmailField(getTranslation("rights.public.emailLabel"));
        email.setId("public-request-email");
        email.setHelperText(getTranslation("rights.public.emailHelp"));
        Select<RequestType> type = new Select<>();
        type.setId("public-request-type");
        type.setLabel(getTranslation("rights.type"));
        type.setItems(RequestType.values());
        type.setItemLabelGenerator(t -> getTranslation("rights.type." + t.name()));
        TextArea details = new TextArea(getTranslation("rights.details"));
        details.setId("public-request-details");
        details.setHelperText(getTranslation("rights.public.detailsHelp"));
        details.setMaxLength(5000);
        details.setWidthFull();
        FieldErrors errors = new FieldErrors(this).on("name", name).on("email", email).on("type", type).on("details", details);
        Button send = new Button(getTranslation("rights.public.sendCode"), e -> {
            try {
                UUID check = requests.start(slug, new PublicRequests.Form(name.getValue(), email.getValue(), type.getValue(), details.getValue(),
                        language.getValue().getLanguage()));
                code(check, email.getValue().strip());
            } catch (InvalidInputException refused) {
                errors.show(refused);
            }
        });
        send.setId("public-request-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(title, language, intro, signIn, name, email, type, details, send);
    }

    private void code(UUID check, String email) {
        removeAll();
        H2 title = new H2(getTranslation("rights.public.codeTitle"));
        title.setId("public-request-title");
        Paragraph sent = new Paragraph(getTranslation("rights.public.codeSent", email, PublicRequests.CODE_VALIDITY.toMinutes()));
        sent.setId("public-request-code-sent");
        TextField code = new TextField(getTranslation("rights.public.codeLabel"));
        code.setId("public-request-code");
        code.setMaxLength(6);
        code.setAllowedCharPattern("[0-9]");
        code.getElement().setProperty("autocomplete", "one-time-code");
        Button confirm = new Button(getTranslation("rights.public.confirm"), e -> {
            try {
                received(requests.confirm(slug, check, code.getValue()));
            } catch (InvalidInputException refused) {
                new FieldErrors(this).on("code", code).show(refused);
            }
        });
        confirm.setId("public-request-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button again = new Button(getTranslation("rights.public.again"), e -> form());
        again.setId("public-request-again");
        again.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(title, sent, code, confirm, again);
    }

    private void received(RightsRequest request) {
        removeAll();
        H2 title = new H2(getTranslation("rights.public.receivedTitle"));
        title.setId("public-request-title");
        Paragraph text = new Paragraph(getTranslation("rights.public.received", request.reference(),
                request.deadline().due().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale())),
                institution.displayName()));
        text.setId("public-request-received");
        add(title, text);
    }
}
