package eu.tutela.portal.consent.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import eu.tutela.policy.Lang;
import eu.tutela.portal.consent.Channel;
import eu.tutela.portal.consent.ChannelTopic;
import eu.tutela.portal.consent.ConsentDecision;
import eu.tutela.portal.consent.ConsentReceipts;
import eu.tutela.portal.consent.ConsentState;
import eu.tutela.portal.consent.Decision;
import eu.tutela.portal.consent.FamilyConsents;
import eu.tutela.portal.people.ConsentParties;
import eu.tutela.portal.policy.PolicyVersion;
import eu.tutela.portal.shell.FieldErrors;
import eu.tutela.portal.shell.MainLayout;
import eu.tutela.portal.shell.PageTitle;
import eu.tutela.portal.shell.TenantTimes;
import eu.tutela.portal.tenancy.InvalidInputException;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantSettings;
import eu.tutela.portal.tenancy.TenantSettingsService;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * "My privacy", for guardians and students, built for a phone: one card per person (the student themself, or each
 * child), each purpose that needs consent with its state and the caller's answer, the policy to accept on a child's
 * behalf, the caller's name to confirm, one button to save; one button to withdraw each consent given; the history
 * with a receipt for each decision.
 */
@Route(value = "t/:tenant/my-privacy", layout = MainLayout.class)
@PermitAll
public class MyPrivacyView extends VerticalLayout implements BeforeEnterObserver, PageTitle {

    private final FamilyConsents family;
    private final ConsentReceipts receipts;
    private final TenantSettingsService settings;

    MyPrivacyView(FamilyConsents family, ConsentReceipts receipts, TenantSettingsService settings) {
        this.family = family;
        this.receipts = receipts;
        this.settings = settings;
        addClassName("my-privacy");
    }

    @Override
    public String titleKey() {
        return "consent.mine.title";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show();
    }

    private void show() {
        removeAll();
        H2 title = new H2(getTranslation("consent.mine.title"));
        title.setId("mine-title");
        add(title, new Paragraph(getTranslation("consent.mine.intro")));
        FamilyConsents.MyPrivacy mine = family.mine();
        TenantSettings tenant = settings.current();
        if (mine.me().isEmpty()) {
            Paragraph notLinked = new Paragraph(getTranslation("consent.mine.notLinked", tenant.displayName()));
            notLinked.setId("mine-not-linked");
            add(notLinked);
            return;
        }
        for (FamilyConsents.Subject subject : mine.subjects()) {
            add(card(subject, mine.me().get(), mine.policy(), tenant));
        }
    }

    private Section card(FamilyConsents.Subject subject, ConsentParties me, Optional<PolicyVersion> policy, TenantSettings tenant) {
        ConsentParties person = subject.person();
        Section card = new Section();
        card.setId("subject-" + person.personId());
        card.addClassName("consent-subject");
        H3 name = new H3(subject.self() ? getTranslation("consent.mine.yourself") : person.name());
        card.add(name);
        if (person.className() != null) {
            card.add(new Paragraph(getTranslation("consent.mine.class", person.className())));
        }
        if (!subject.mayDecide()) {
            Paragraph why = new Paragraph(getTranslation("consent.standing." + subject.standing().name()));
            why.addClassName("consent-standing");
            card.add(why);
        }
        if (subject.ownAnswerAwaited()) {
            Paragraph yours = new Paragraph(getTranslation("consent.mine.comingOfAge"));
            yours.setId("mine-coming-of-age-" + person.personId());
            yours.addClassName("consent-standing");
            card.add(yours);
        }
        Locale locale = UI.getCurrent().getLocale();
        Map<UUID, RadioButtonGroup<Decision>> answers = new LinkedHashMap<>();
        UnorderedList purposes = new UnorderedList();
        purposes.addClassName("purpose-list");
        for (ConsentState state : subject.states()) {
            purposes.add(purpose(subject, state, me, locale, answers));
        }
        card.add(purposes);
        if (subject.mayDecide() && !subject.states().isEmpty()) {
            card.add(confirmation(subject, me, policy, tenant, answers));
        }
        if (subject.mayDecide()) {
            card.add(channels(subject));
        }
        card.add(history(subject, tenant, locale));
        return card;
    }

    private ListItem purpose(FamilyConsents.Subject subject, ConsentState state, ConsentParties me, Locale locale,
            Map<UUID, RadioButtonGroup<Decision>> answers) {
        String code = state.purpose().code();
        String suffix = code + "-" + subject.person().personId();
        ListItem item = new ListItem();
        item.setId("mine-" + suffix);
        item.addClassName("purpose-card");
        H4 name = new H4(state.purpose().name(locale));
        Span badge = new Span(getTranslation(state.allowed() ? "consent.state.allowed" : "consent.state.notAllowed"));
        badge.addClassNames("status-badge", state.allowed() ? "purpose-on" : "purpose-retired");
        badge.setId("mine-state-" + suffix);
        item.add(name, badge, new Paragraph(state.purpose().description(locale)));
        Optional<ConsentDecision> mine = state.latest().stream().filter(d -> d.giverId().equals(me.personId())).findFirst();
        state.latest().stream().filter(d -> !d.giverId().equals(me.personId())).forEach(d -> item.add(new Paragraph(
                getTranslation("consent.mine.other", d.giverName(), getTranslation("consent.decision." + d.decision().name())))));
        if (!subject.mayDecide()) {
            return item;
        }
        RadioButtonGroup<Decision> answer = new RadioButtonGroup<>(getTranslation("consent.mine.answerFor", state.purpose().name(locale)));
        answer.setId("answer-" + suffix);
        answer.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        answer.setItems(Decision.GIVEN, Decision.REFUSED);
        answer.setItemLabelGenerator(d -> getTranslation(d == Decision.GIVEN ? "consent.mine.yes" : "consent.mine.no"));
        mine.map(ConsentDecision::decision).filter(d -> d != Decision.WITHDRAWN).ifPresent(answer::setValue);
        answers.put(state.purpose().id(), answer);
        item.add(answer);
        if (mine.map(d -> d.decision() == Decision.GIVEN).orElse(false)) {
            Button withdraw = new Button(getTranslation("consent.mine.withdraw"), e -> withdraw(subject, state, locale));
            withdraw.setId("withdraw-" + suffix);
            withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR);
            withdraw.getElement().setAttribute("aria-label", getTranslation("consent.mine.withdrawOf", state.purpose().name(locale),
                    subject.person().name()));
            item.add(withdraw);
        }
        return item;
    }

    private Div confirmation(FamilyConsents.Subject subject, ConsentParties me, Optional<PolicyVersion> policy, TenantSettings tenant,
            Map<UUID, RadioButtonGroup<Decision>> answers) {
        String id = subject.person().personId().toString();
        Div confirm = new Div();
        confirm.addClassName("consent-confirm");
        Checkbox accept = new Checkbox();
        accept.setId("accept-policy-" + id);
        boolean onBehalf = subject.person().minor() && !subject.self();
        if (onBehalf && policy.isPresent()) {
            accept.setLabel(getTranslation("consent.mine.policy", policy.get().number(), subject.person().name()));
            accept.setValue(subject.policyAcceptedForChild());
            Anchor read = new Anchor("p/" + tenant.slug() + "/privacy/" + policy.get().number(), getTranslation("consent.mine.readPolicy"));
            read.setTarget(AnchorTarget.BLANK);
            read.setId("read-policy-" + id);
            confirm.add(read, accept);
        }
        TextField name = new TextField(getTranslation("consent.mine.name"));
        name.setId("confirm-name-" + id);
        name.setHelperText(getTranslation("consent.mine.nameHelp"));
        name.setAutocomplete(Autocomplete.NAME);
        name.setWidthFull();
        Button save = new Button(getTranslation("consent.mine.save"));
        save.setId("save-" + id);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true);
        FieldErrors errors = new FieldErrors(this).on("name", name).on("policy", accept);
        save.addClickListener(e -> {
            Map<UUID, Decision> chosen = new LinkedHashMap<>();
            answers.forEach((purpose, group) -> {
                if (group.getValue() != null) {
                    chosen.put(purpose, group.getValue());
                }
            });
            try {
                family.answer(subject.person().personId(), chosen, name.getValue(), accept.getValue(), lang());
                FieldErrors.announce(this, getTranslation("consent.mine.saved"));
                show();
            } catch (InvalidInputException invalid) {
                errors.show(invalid);
                save.setEnabled(true);
            }
        });
        confirm.add(name, save);
        return confirm;
    }

    private void withdraw(FamilyConsents.Subject subject, ConsentState state, Locale locale) {
        try {
            family.withdraw(subject.person().personId(), state.purpose().id());
            FieldErrors.announce(this, getTranslation("consent.mine.withdrawn", state.purpose().name(locale)));
        } catch (InvalidInputException invalid) {
            new FieldErrors(this).show(invalid);
        }
        show();
    }

    /** How the institution may contact this person, information and marketing apart, each change saved at once. */
    private Div channels(FamilyConsents.Subject subject) {
        UUID id = subject.person().personId();
        Div section = new Div();
        section.setId("mine-channels-" + id);
        section.addClassName("consent-channels");
        section.add(new H4(subject.self() ? getTranslation("consent.mine.channelsSelf")
                : getTranslation("consent.mine.channelsChild", subject.person().name())));
        for (ChannelTopic topic : ChannelTopic.values()) {
            CheckboxGroup<Channel> group = new CheckboxGroup<>();
            group.setId("mine-channels-" + topic.name().toLowerCase(Locale.ROOT) + "-" + id);
            group.setLabel(getTranslation("consent.channels.topic." + topic.name()));
            group.setItems(Channel.values());
            group.setItemLabelGenerator(c -> getTranslation("consent.channel." + c.name()));
            group.setValue(subject.channels().allowed().get(topic));
            group.addValueChangeListener(change -> {
                if (!change.isFromClient()) {
                    return;
                }
                try {
                    family.chooseChannels(id, topic, change.getValue());
                    FieldErrors.announce(this, getTranslation("consent.channels.saved"));
                } catch (InvalidInputException refused) {
                    new FieldErrors(this).show(refused);
                }
            });
            section.add(group);
        }
        return section;
    }

    private Details history(FamilyConsents.Subject subject, TenantSettings tenant, Locale locale) {
        TenantTimes times = new TenantTimes(tenant.timeZone(), locale);
        UnorderedList lines = new UnorderedList();
        lines.setId("history-" + subject.person().personId());
        for (ConsentDecision d : subject.history()) {
            String purpose = subject.states().stream().filter(s -> s.purpose().id().equals(d.purposeId())).findFirst()
                    .map(s -> s.purpose().name(locale)).orElse("—");
            ListItem line = new ListItem(getTranslation("consent.mine.historyLine", times.format(d.recordedAt()), d.giverName(),
                    getTranslation("consent.decision." + d.decision().name()), purpose));
            line.add(new Span(" · "), receipt(d, tenant, locale, true), new Span(" · "), receipt(d, tenant, locale, false));
            lines.add(line);
        }
        if (subject.history().isEmpty()) {
            lines.add(new ListItem(getTranslation("consent.mine.noHistory")));
        }
        Details details = new Details(getTranslation("consent.mine.history"), lines);
        details.setId("history-details-" + subject.person().personId());
        return details;
    }

    private Anchor receipt(ConsentDecision decision, TenantSettings tenant, Locale locale, boolean pdf) {
        UUID tenantId = tenant.tenantId();
        Anchor link = new Anchor(DownloadHandler.fromInputStream(download -> {
            byte[] bytes = TenantContext.callAs(tenantId, () -> pdf ? receipts.myPdf(decision.id(), locale)
                    : receipts.myJson(decision.id()).getBytes(StandardCharsets.UTF_8));
            return new DownloadResponse(new ByteArrayInputStream(bytes), "consent-" + decision.id() + (pdf ? ".pdf" : ".json"),
                    pdf ? "application/pdf" : "application/json", bytes.length);
        }), getTranslation(pdf ? "consent.receipt.pdf" : "consent.receipt.json"));
        link.setId("mine-receipt-" + (pdf ? "pdf-" : "json-") + decision.id());
        link.getElement().setAttribute("download", true);
        link.getElement().setAttribute("aria-label", getTranslation(pdf ? "consent.receipt.pdfOf" : "consent.receipt.jsonOf",
                decision.giverName()));
        return link;
    }

    private static Lang lang() {
        return "en".equals(UI.getCurrent().getLocale().getLanguage()) ? Lang.EN : Lang.FR;
    }
}
