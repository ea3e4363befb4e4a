package eu.tutela.portal.rights.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import eu.tutela.portal.rights.RequestDetail;
import eu.tutela.portal.rights.RequestHandling;
import eu.tutela.portal.rights.RequestStatus;
import eu.tutela.portal.rights.RightsRequest;
import eu.tutela.portal.shell.FieldErrors;
import eu.tutela.portal.shell.MainLayout;
import eu.tutela.portal.shell.PageTitle;
import eu.tutela.portal.shell.TenantTimes;
import eu.tutela.portal.tenancy.InvalidInputException;
import eu.tutela.portal.tenancy.TenantSettings;
import eu.tutela.portal.tenancy.TenantSettingsService;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;
import java.util.UUID;

/**
 * One request for the DPO: what is asked, by whom, its deadline, its whole timeline (internal notes included), and the
 * next steps. One text box serves each step that needs words (a note, a message, a reason, the outcome).
 */
@Route(value = "t/:tenant/requests/:id", layout = MainLayout.class)
@PermitAll
public class RequestView extends VerticalLayout implements BeforeEnterObserver, PageTitle {

    private final RequestHandling handling;
    private final TenantSettingsService settings;
    private UUID requestId;

    RequestView(RequestHandling handling, TenantSettingsService settings) {
        this.handling = handling;
        this.settings = settings;
        addClassName("request-page");
    }

    @Override
    public String titleKey() {
        return "rights.request.title";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<UUID> id = event.getRouteParameters().get("id").flatMap(RequestView::uuid);
        Optional<RequestDetail> detail = id.flatMap(handling::find);
        if (detail.isEmpty()) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
            return;
        }
        requestId = id.get();
        show(detail.get());
    }

    private void show(RequestDetail detail) {
        removeAll();
        RightsRequest request = detail.request();
        TenantSettings tenant = settings.current();
        TenantTimes times = new TenantTimes(tenant.timeZone(), getLocale());
        LocalDate today = LocalDate.now(tenant.timeZone());
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale());
        H2 title = new H2(getTranslation("rights.type." + request.type().name()) + " · " + request.subjectName());
        title.setId("request-title");
        Div badges = new Div(RequestBadges.status(request), RequestBadges.daysLeft(request, today));
        badges.setId("request-badges");
        add(title, badges);
        Paragraph facts = new Paragraph(getTranslation("rights.request.facts", request.reference(), request.requesterName(),
                request.requesterEmail(), times.format(request.receivedAt()), request.deadline().due().format(dates),
                request.deadline().firstDue().format(dates)));
        facts.setId("request-facts");
        add(facts);
        if (request.extensionReason() != null) {
            add(new Paragraph(getTranslation("rights.mine.extended", request.extensionReason())));
        }
        add(new H3(getTranslation("rights.timeline")), new RequestTimelineList(detail.timeline(), times));
        if (!request.status().closed()) {
            add(actions(request, today));
        } else if (request.outcome() != null) {
            add(new Paragraph(getTranslation("rights.request.outcome", request.outcome())));
        }
    }

    private VerticalLayout actions(RightsRequest request, LocalDate today) {
        VerticalLayout actions = new VerticalLayout();
        actions.setPadding(false);
        actions.add(new H3(getTranslation("rights.actions")));
        TextArea text = new TextArea(getTranslation("rights.actions.text"));
        text.setId("request-text");
        text.setHelperText(getTranslation("rights.actions.textHelp"));
        text.setMaxLength(5000);
        text.setWidthFull();
        Select<Integer> months = new Select<>();
        months.setId("request-months");
        months.setLabel(getTranslation("rights.extend.monthsLabel"));
        months.setItems(1, 2);
        months.setItemLabelGenerator(m -> getTranslation("rights.extend.by", m));
        months.setValue(2);
        Checkbox awaitReply = new Checkbox(getTranslation("rights.actions.awaitReply"));
        awaitReply.setId("request-await-reply");
        FieldErrors errors = new FieldErrors(this).on("note", text).on("message", text).on("body", text).on("reason", text)
                .on("outcome", text).on("months", months);
        Div buttons = new Div();
        buttons.addClassName("request-actions");
        if (request.status() == RequestStatus.RECEIVED) {
            buttons.add(button("start", ButtonVariant.LUMO_PRIMARY, errors, () -> handling.start(requestId)));
        }
        if (request.status() == RequestStatus.RECEIVED || request.status() == RequestStatus.IDENTITY_TO_VERIFY) {
            buttons.add(button("verify", null, errors, () -> handling.verifyIdentity(requestId, text.getValue())));
            buttons.add(button("askIdentity", null, errors, () -> handling.askIdentity(requestId, text.getValue())));
        }
        buttons.add(button("message", null, errors, () -> handling.message(requestId, text.getValue(), awaitReply.getValue())));
        buttons.add(button("note", null, errors, () -> handling.note(requestId, text.getValue())));
        buttons.add(button("assignMe", null, errors, () -> handling.assign(requestId, null)));
        if (request.deadline().extensionStillPossible(today) && request.deadline().extensionMonths() < 2) {
            buttons.add(button("extend", null, errors, () -> handling.extend(requestId, months.getValue() == null ? 0 : months.getValue(),
                    text.getValue())));
        }
        if (request.status() != RequestStatus.IDENTITY_TO_VERIFY) {
            buttons.add(button("complete", ButtonVariant.LUMO_SUCCESS, errors, () -> handling.complete(requestId, text.getValue())));
        }
        buttons.add(button("refuse", ButtonVariant.LUMO_ERROR, errors, () -> handling.refuse(requestId, text.getValue())));
        actions.add(text, awaitReply, months, buttons);
        return actions;
    }

    private Button button(String action, ButtonVariant variant, FieldErrors errors, Runnable step) {
        Button button = new Button(getTranslation("rights.action." + action), e -> {
            try {
                step.run();
                FieldErrors.announce(this, getTranslation("rights.action.done"));
                handling.find(requestId).ifPresent(this::show);
            } catch (InvalidInputException refused) {
                errors.show(refused);
            }
        });
        button.setId("request-" + action);
        if (variant != null) {
            button.addThemeVariants(variant);
        }
        return button;
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
