package eu.tutela.portal.rights.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import eu.tutela.portal.rights.AccessArchive;
import eu.tutela.portal.rights.RequestDetail;
import eu.tutela.portal.rights.RequestSubject;
import eu.tutela.portal.rights.RequestType;
import eu.tutela.portal.rights.RightsRequest;
import eu.tutela.portal.rights.RightsRequests;
import eu.tutela.portal.shell.FieldErrors;
import eu.tutela.portal.shell.MainLayout;
import eu.tutela.portal.shell.PageTitle;
import eu.tutela.portal.shell.TenantTimes;
import eu.tutela.portal.tenancy.InvalidInputException;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantSettings;
import eu.tutela.portal.tenancy.TenantSettingsService;
import jakarta.annotation.security.PermitAll;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.UUID;

/**
 * "My requests": a member asks the institution to exercise a right (about themself, or a minor child), then follows
 * each request (its state, due date, the DPO's messages), answers and withdraws. Usable on a phone.
 */
@Route(value = "t/:tenant/my-requests", layout = MainLayout.class)
@PermitAll
public class MyRequestsView extends VerticalLayout implements BeforeEnterObserver, PageTitle {

    private final RightsRequests requests;
    private final TenantSettingsService settings;

    MyRequestsView(RightsRequests requests, TenantSettingsService settings) {
        this.requests = requests;
        this.settings = settings;
        addClassName("my-requests");
    }

    @Override
    public String titleKey() {
        return "rights.mine.title";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show();
    }

    private void show() {
        removeAll();
        H2 title = new H2(getTranslation("rights.mine.title"));
        title.setId("my-requests-title");
        add(title, new Paragraph(getTranslation("rights.mine.intro")));
        TenantSettings tenant = settings.current();
        List<RequestSubject> subjects = requests.subjects();
        if (subjects.isEmpty()) {
            Paragraph notLinked = new Paragraph(getTranslation("rights.mine.notLinked", tenant.displayName(),
                    tenant.dpoEmail() == null ? "—" : tenant.dpoEmail()));
            notLinked.setId("my-requests-not-linked");
            add(notLinked);
        } else {
            add(form(subjects));
        }
        TenantTimes times = new TenantTimes(tenant.timeZone(), getLocale());
        LocalDate today = LocalDate.now(tenant.timeZone());
        List<RequestDetail> mine = requests.mineWithTimelines();
        H3 listed = new H3(getTranslation("rights.mine.list"));
        add(listed);
        if (mine.isEmpty()) {
            add(new Paragraph(getTranslation("rights.mine.none")));
        }
        mine.forEach(detail -> add(card(detail, times, today)));
    }

    private Section form(List<RequestSubject> subjects) {
        Section form = new Section();
        form.addClassName("request-form");
        form.add(new H3(getTranslation("rights.mine.new")));
        Select<RequestSubject> subject = new Select<>();
        subject.setId("request-subject");
        subject.setLabel(getTranslation("rights.subject"));
        subject.setItems(subjects);
        subject.setItemLabelGenerator(s -> s.self() ? getTranslation("rights.subject.self", s.name()) : getTranslation("rights.subject.child", s.name()));
        subject.setValue(subjects.getFirst());
        Select<RequestType> type = new Select<>();
        type.setId("request-type");
        type.setLabel(getTranslation("rights.type"));
        type.setItems(RequestType.values());
        type.setItemLabelGenerator(t -> getTranslation("rights.type." + t.name()));
        Paragraph typeHelp = new Paragraph();
        typeHelp.setId("request-type-help");
        typeHelp.addClassName("field-help");
        CorrectionFields correction = new CorrectionFields();
        type.addValueChangeListener(e -> {
            typeHelp.setText(e.getValue() == null ? "" : getTranslation("rights.type.help." + e.getValue().name()));
            correction.setVisible(e.getValue() == RequestType.RECTIFICATION);
        });
        TextArea details = new TextArea(getTranslation("rights.details"));
        details.setId("request-details");
        details.setHelperText(getTranslation("rights.details.help"));
        details.setMaxLength(5000);
        details.setWidthFull();
        FieldErrors errors = correction.bind(new FieldErrors(this).on("subject", subject).on("type", type).on("details", details));
        Button send = new Button(getTranslation("rights.submit"), e -> {
            try {
                RightsRequest sent = requests.submit(subject.getValue() == null ? null : subject.getValue().personId(), type.getValue(),
                        details.getValue(), type.getValue() == RequestType.RECTIFICATION ? correction.value() : null);
                FieldErrors.announce(this, getTranslation("rights.submitted", sent.reference()));
                show();
            } catch (InvalidInputException refused) {
                errors.show(refused);
            }
        });
        send.setId("request-submit");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setDisableOnClick(true);
        send.addClickListener(e -> send.setEnabled(true));
        form.add(subject, type, typeHelp, correction, details, send);
        return form;
    }

    private Section card(RequestDetail detail, TenantTimes times, LocalDate today) {
        RightsRequest request = detail.request();
        Section card = new Section();
        card.setId("request-" + request.reference());
        card.addClassName("request-card");
        H3 name = new H3(getTranslation("rights.type." + request.type().name()) + " · " + request.subjectName());
        card.add(name, RequestBadges.status(request), RequestBadges.daysLeft(request, today));
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale());
        card.add(new Paragraph(getTranslation("rights.mine.summary", request.reference(), times.format(request.receivedAt()),
                request.deadline().due().format(dates))));
        if (request.extensionReason() != null) {
            card.add(new Paragraph(getTranslation("rights.mine.extended", request.extensionReason())));
        }
        card.add(new RequestTimelineList(detail.timeline(), times));
        requests.archive(request.id()).filter(a -> a.status() == AccessArchive.Status.READY).ifPresent(archive -> {
            if (archive.downloadable(Instant.now())) {
                UUID tenantId = settings.current().tenantId();
                Anchor download = new Anchor((DownloadEvent event) -> {
                    event.setFileName(archive.fileName());
                    event.setContentType("application/zip");
                    event.setContentLength(archive.sizeBytes());
                    try (OutputStream out = event.getOutputStream()) {
                        TenantContext.callAs(tenantId, () -> requests.download(request.id(), out));
                    } catch (InvalidInputException refused) {
                        // Expired, or not theirs, since the page was shown: nothing was written yet.
                        event.getResponse().setStatus(410);
                    }
                }, getTranslation("rights.archive.download", times.format(archive.expiresAt())));
                download.setId("request-archive-" + request.reference());
                download.getElement().setAttribute("download", true);
                card.add(new Paragraph(download));
            } else {
                card.add(new Paragraph(getTranslation("rights.archive.expiredNote", times.format(archive.expiresAt()))));
            }
        });
        if (!request.status().closed()) {
            TextArea reply = new TextArea(getTranslation("rights.reply"));
            reply.setId("request-reply-" + request.reference());
            reply.setWidthFull();
            reply.setMaxLength(5000);
            FieldErrors errors = new FieldErrors(this).on("body", reply);
            Button answer = new Button(getTranslation("rights.reply.send"), e -> act(errors, () -> requests.reply(request.id(), reply.getValue())));
            answer.setId("request-reply-send-" + request.reference());
            Button withdraw = new Button(getTranslation("rights.withdraw"), e -> act(errors, () -> requests.withdraw(request.id())));
            withdraw.setId("request-withdraw-" + request.reference());
            withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR);
            card.add(reply, answer, withdraw);
        }
        return card;
    }

    private void act(FieldErrors errors, Runnable step) {
        try {
            step.run();
            show();
        } catch (InvalidInputException refused) {
            errors.show(refused);
        }
    }
}
