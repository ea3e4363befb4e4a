package eu.tutela.portal.communication.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import eu.tutela.portal.communication.MailingAudience;
import eu.tutela.portal.communication.MailingDraft;
import eu.tutela.portal.communication.MailingSummary;
import eu.tutela.portal.communication.Mailings;
import eu.tutela.portal.consent.ConsentPurpose;
import eu.tutela.portal.shell.FieldErrors;
import eu.tutela.portal.shell.MainLayout;
import eu.tutela.portal.shell.PageTitle;
import eu.tutela.portal.shell.TenantTimes;
import eu.tutela.portal.tenancy.InvalidInputException;
import eu.tutela.portal.tenancy.TenantSettingsService;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writing to the students or the guardians of a class, or of the whole institution, for one purpose: the page says
 * plainly that only those whose consent (or whose guardians') and channels allow it receive the message, and shows, for
 * each mailing, how many it reached and how many it held back, as it goes.
 */
@Route(value = "t/:tenant/mailings", layout = MainLayout.class)
@PermitAll
public class MailingsView extends VerticalLayout implements PageTitle {

    private final Mailings mailings;
    private final TenantSettingsService settings;
    private final Select<ConsentPurpose> purpose = new Select<>();
    private final RadioButtonGroup<MailingAudience> audience = new RadioButtonGroup<>();
    private final TextField className = new TextField();
    private final TextField subject = new TextField();
    private final TextArea body = new TextArea();
    private final Grid<MailingSummary> sent = new Grid<>();
    private final FieldErrors errors = new FieldErrors(this);
    private Map<String, ConsentPurpose> purposesByCode = Map.of();
    private Registration polling;

    MailingsView(Mailings mailings, TenantSettingsService settings) {
        this.mailings = mailings;
        this.settings = settings;
        H2 title = new H2(getTranslation("mailing.title"));
        title.setId("mailings-title");
        add(title, new Paragraph(getTranslation("mailing.intro")));
        add(form(), history());
    }

    @Override
    public String titleKey() {
        return "mailing.title";
    }

    @Override
    protected void onAttach(AttachEvent event) {
        List<ConsentPurpose> purposes = mailings.purposes();
        purposesByCode = purposes.stream().collect(Collectors.toMap(ConsentPurpose::code, Function.identity()));
        purpose.setItems(purposes);
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopPolling(event.getUI());
    }

    private Section form() {
        Section section = new Section();
        section.setId("mailing-form");
        section.add(new H3(getTranslation("mailing.new")));
        purpose.setId("mailing-purpose");
        purpose.setLabel(getTranslation("mailing.purpose"));
        purpose.setHelperText(getTranslation("mailing.purposeHelp"));
        purpose.setItemLabelGenerator(p -> p.name(getLocale()));
        audience.setId("mailing-audience");
        audience.setLabel(getTranslation("mailing.audience"));
        audience.setItems(MailingAudience.values());
        audience.setItemLabelGenerator(a -> getTranslation("mailing.audience." + a.name()));
        audience.setValue(MailingAudience.GUARDIANS);
        className.setId("mailing-class");
        className.setLabel(getTranslation("mailing.class"));
        className.setHelperText(getTranslation("mailing.classHelp"));
        subject.setId("mailing-subject");
        subject.setLabel(getTranslation("mailing.subject"));
        subject.setMaxLength(200);
        subject.setRequiredIndicatorVisible(true);
        body.setId("mailing-body");
        body.setLabel(getTranslation("mailing.body"));
        body.setHelperText(getTranslation("mailing.bodyHelp"));
        body.setRequiredIndicatorVisible(true);
        body.setMinRows(6);
        errors.on("purpose", purpose).on("audience", audience).on("subject", subject).on("body", body);
        FormLayout layout = new FormLayout(purpose, audience, className, subject, body);
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        layout.setColspan(subject, 2);
        layout.setColspan(body, 2);
        Button send = new Button(getTranslation("mailing.send"), e -> send());
        send.setId("mailing-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        section.add(layout, send);
        return section;
    }

    private void send() {
        try {
            String code = purpose.getValue() == null ? null : purpose.getValue().code();
            mailings.send(new MailingDraft(code, audience.getValue(), className.getValue(), subject.getValue(), body.getValue()));
            subject.clear();
            body.clear();
            errors.clear();
            FieldErrors.announce(this, getTranslation("mailing.queued"));
            refresh();
        } catch (InvalidInputException refused) {
            errors.show(refused);
        }
    }

    private Section history() {
        Section section = new Section();
        section.add(new H3(getTranslation("mailing.history")));
        sent.setId("mailings");
        sent.setAriaLabel(getTranslation("mailing.history"));
        sent.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        sent.setAllRowsVisible(true);
        TenantTimes times = new TenantTimes(settings.current().timeZone(), getLocale());
        sent.addColumn(m -> times.format(m.createdAt())).setHeader(getTranslation("mailing.when")).setAutoWidth(true);
        sent.addColumn(MailingSummary::subject).setHeader(getTranslation("mailing.subject")).setFlexGrow(2);
        sent.addColumn(m -> purposesByCode.containsKey(m.purposeCode()) ? purposesByCode.get(m.purposeCode()).name(getLocale()) : m.purposeCode())
                .setHeader(getTranslation("mailing.purpose"));
        sent.addColumn(m -> getTranslation("mailing.audience." + m.audience().name())
                + (m.className() == null ? "" : " · " + m.className())).setHeader(getTranslation("mailing.audience"));
        sent.addColumn(MailingSummary::sent).setHeader(getTranslation("mailing.sent")).setTextAlign(ColumnTextAlign.END);
        sent.addColumn(MailingSummary::notAllowed).setHeader(getTranslation("mailing.notAllowed")).setTextAlign(ColumnTextAlign.END);
        sent.addColumn(MailingSummary::noAddress).setHeader(getTranslation("mailing.noAddress")).setTextAlign(ColumnTextAlign.END);
        sent.addColumn(MailingSummary::unsubscribed).setHeader(getTranslation("mailing.unsubscribed")).setTextAlign(ColumnTextAlign.END);
        sent.addColumn(m -> getTranslation(m.done() ? "mailing.done" : "mailing.sending")).setHeader(getTranslation("mailing.status"));
        section.add(sent);
        return section;
    }

    private void refresh() {
        List<MailingSummary> newest = mailings.newest(50);
        sent.setItems(newest);
        boolean working = newest.stream().anyMatch(m -> !m.done());
        UI ui = UI.getCurrent();
        if (working && polling == null && ui != null) {
            ui.setPollInterval(1000);
            polling = ui.addPollListener(e -> refresh());
        } else if (!working && ui != null) {
            stopPolling(ui);
        }
    }

    private void stopPolling(UI ui) {
        if (polling != null) {
            polling.remove();
            polling = null;
            ui.setPollInterval(-1);
        }
    }
}
