package eu.tutela.portal.rights.ui;

import com.vaadin.flow.component.UI;
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
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import eu.tutela.portal.jobs.Jobs;
import eu.tutela.portal.people.People;
import eu.tutela.portal.rights.AccessArchive;
import eu.tutela.portal.rights.Erasures;
import eu.tutela.portal.rights.Objections;
import eu.tutela.portal.rights.Rectifications;
import eu.tutela.portal.rights.RequestDetail;
import eu.tutela.portal.rights.RequestHandling;
import eu.tutela.portal.rights.RequestStatus;
import eu.tutela.portal.rights.RequestType;
import eu.tutela.portal.rights.Restrictions;
import eu.tutela.portal.rights.RightsRequest;
import eu.tutela.portal.security.Member;
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
    private final Jobs jobs;
    private final Erasures erasures;
    private final Restrictions restrictions;
    private final Objections objections;
    private final Rectifications rectifications;
    private final People people;
    private UUID requestId;
    private Registration polling;

    RequestView(RequestHandling handling, TenantSettingsService settings, Jobs jobs, Erasures erasures, Restrictions restrictions,
            Objections objections, Rectifications rectifications, People people) {
        this.jobs = jobs;
        this.people = people;
        this.rectifications = rectifications;
        this.objections = objections;
        this.restrictions = restrictions;
        this.erasures = erasures;
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
        RouterLink back = new RouterLink(getTranslation("rights.request.back"), RequestQueueView.class,
                new RouteParameters("tenant", tenant.slug()));
        back.setId("request-back");
        add(back);
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
        if (request.type() == RequestType.ACCESS || request.type() == RequestType.PORTABILITY) {
            add(archive(request));
        }
        if (request.subjectId() == null && !request.status().closed()) {
            add(new SubjectLink(handling, people, request, () -> handling.find(requestId).ifPresent(this::show)));
        }
        if (ErasurePanel.applies(request)) {
            add(new ErasurePanel(erasures, request, () -> handling.find(requestId).ifPresent(this::show)));
        }
        if (RectificationPanel.applies(request)) {
            add(new RectificationPanel(rectifications, request, () -> handling.find(requestId).ifPresent(this::show)));
        }
        if (ObjectionPanel.applies(request)) {
            add(new ObjectionPanel(objections, request, () -> handling.find(requestId).ifPresent(this::show)));
        }
        add(new H3(getTranslation("rights.timeline")), new RequestTimelineList(detail.timeline(), times));
        if (!request.status().closed()) {
            add(actions(request, today));
        } else if (request.outcome() != null) {
            add(new Paragraph(getTranslation("rights.request.outcome", request.outcome())));
        }
    }

    /** The archive's state, followed every second while it is built; and the button that builds it. */
    private Div archive(RightsRequest request) {
        Div box = new Div();
        box.setId("request-archive");
        Paragraph state = new Paragraph();
        state.setId("request-archive-state");
        Optional<AccessArchive> archive = handling.archive(requestId);
        archive.ifPresent(a -> state.setText(archiveState(a)));
        box.add(state);
        boolean building = archive.filter(a -> a.status() == AccessArchive.Status.BUILDING).isPresent();
        if (!request.status().closed() && !building) {
            Button build = new Button(getTranslation("rights.archive.build"), e -> {
                try {
                    handling.buildArchive(requestId);
                    handling.find(requestId).ifPresent(this::show);
                } catch (InvalidInputException refused) {
                    refused.problems().values().stream().findFirst().ifPresent(key -> FieldErrors.announce(this, getTranslation(key)));
                }
            });
            build.setId("request-build-archive");
            box.add(build);
        }
        UI ui = UI.getCurrent();
        if (building && polling == null && ui != null) {
            ui.setPollInterval(1000);
            polling = ui.addPollListener(e -> handling.find(requestId).ifPresent(this::show));
        } else if (!building && polling != null && ui != null) {
            polling.remove();
            polling = null;
            ui.setPollInterval(-1);
        }
        return box;
    }

    private String archiveState(AccessArchive archive) {
        TenantSettings tenant = settings.current();
        return switch (archive.status()) {
            case BUILDING -> getTranslation("rights.archive.state.BUILDING", jobs.progress(archive.runId())
                    .map(p -> p.done() + " / " + (p.total() == null ? "…" : p.total())).orElse("…"));
            case READY -> getTranslation("rights.archive.state.READY", archive.records(), archive.sizeBytes() / 1024 + " KiB",
                    new TenantTimes(tenant.timeZone(), getLocale()).format(archive.expiresAt()), archive.downloads());
            case FAILED -> getTranslation("rights.archive.state.FAILED", archive.failure());
        };
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
        Select<Member> assignee = new Select<>();
        assignee.setId("request-assignee");
        assignee.setLabel(getTranslation("rights.actions.assignee"));
        assignee.setItems(handling.handlers());
        assignee.setItemLabelGenerator(Member::displayName);
        errors.on("assignee", assignee);
        if (request.deadline().extensionStillPossible(today) && request.deadline().extensionMonths() < 2) {
            buttons.add(button("extend", null, errors, () -> handling.extend(requestId, months.getValue() == null ? 0 : months.getValue(),
                    text.getValue())));
        }
        if (request.type() == RequestType.RESTRICTION && request.status() != RequestStatus.IDENTITY_TO_VERIFY && request.subjectId() != null) {
            buttons.add(button("restrict", ButtonVariant.LUMO_PRIMARY, errors, () -> restrictions.restrict(requestId)));
        }
        if (request.status() != RequestStatus.IDENTITY_TO_VERIFY) {
            buttons.add(button("complete", ButtonVariant.LUMO_SUCCESS, errors, () -> handling.complete(requestId, text.getValue())));
        }
        buttons.add(button("refuse", ButtonVariant.LUMO_ERROR, errors, () -> handling.refuse(requestId, text.getValue())));
        Button give = button("assign", null, errors, () -> handling.assign(requestId, assignee.getValue() == null ? null
                : assignee.getValue().userId()));
        actions.add(text, awaitReply, months, buttons, new Div(assignee, give));
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
