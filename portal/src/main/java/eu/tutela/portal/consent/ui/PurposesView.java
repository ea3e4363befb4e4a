package eu.tutela.portal.consent.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import eu.tutela.portal.consent.ConsentPurpose;
import eu.tutela.portal.consent.ConsentPurposes;
import eu.tutela.portal.consent.ConsentService;
import eu.tutela.portal.consent.MinorConsentRule;
import eu.tutela.portal.consent.PurposeChanges;
import eu.tutela.portal.shell.FieldErrors;
import eu.tutela.portal.shell.MainLayout;
import eu.tutela.portal.shell.PageTitle;
import eu.tutela.portal.tenancy.InvalidInputException;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/**
 * What the institution processes personal data for: each purpose with its lawful basis, whether it needs consent (off
 * until given) and where it comes from; administrators and the DPO adapt the wording, add a purpose, or take the
 * purposes of the active policy again. Cards rather than a table: the descriptions are sentences, read on a phone too.
 */
@Route(value = "t/:tenant/consent/purposes", layout = MainLayout.class)
@PermitAll
public class PurposesView extends VerticalLayout implements BeforeEnterObserver, PageTitle {

    private final ConsentPurposes purposes;
    private final ConsentService consents;
    private final UnorderedList list = new UnorderedList();

    PurposesView(ConsentPurposes purposes, ConsentService consents) {
        this.purposes = purposes;
        this.consents = consents;
    }

    @Override
    public String titleKey() {
        return "consent.purposes.title";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        H2 title = new H2(getTranslation("consent.purposes.title"));
        title.setId("purposes-title");
        Paragraph intro = new Paragraph(getTranslation("consent.purposes.intro"));
        list.setId("purposes-list");
        list.addClassName("purpose-list");
        add(title, intro);
        if (purposes.mayEdit()) {
            Button add = new Button(getTranslation("consent.purposes.add"), e -> new PurposeDialog(purposes, null, saved -> show()).open());
            add.setId("purposes-add");
            Button take = new Button(getTranslation("consent.purposes.take"), e -> take());
            take.setId("purposes-take");
            HorizontalLayout actions = new HorizontalLayout(add, take);
            actions.addClassName("page-actions");
            add(actions, minorRule());
        }
        add(list);
        show();
    }

    /** How a minor's consent is taken here: changed at once, for every consent already recorded too. */
    private RadioButtonGroup<MinorConsentRule> minorRule() {
        RadioButtonGroup<MinorConsentRule> rule = new RadioButtonGroup<>();
        rule.setId("purposes-minor-rule");
        rule.setLabel(getTranslation("consent.rule.label"));
        rule.setItems(MinorConsentRule.values());
        rule.setItemLabelGenerator(r -> getTranslation("consent.rule." + r.name()));
        rule.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        rule.setValue(consents.minorRule());
        rule.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                consents.chooseMinorRule(change.getValue());
                FieldErrors.announce(this, getTranslation("consent.rule.saved"));
            }
        });
        return rule;
    }

    private void take() {
        try {
            PurposeChanges changes = purposes.takeFromActivePolicy();
            FieldErrors.announce(this, getTranslation("consent.purposes.taken", changes.added(), changes.updated(), changes.retired()));
            show();
        } catch (InvalidInputException refused) {
            new FieldErrors(this).show(refused);
        }
    }

    private void show() {
        list.removeAll();
        List<ConsentPurpose> all = purposes.all();
        if (all.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("consent.purposes.none"));
            none.setId("purposes-none");
            list.add(new ListItem(none));
            return;
        }
        boolean editable = purposes.mayEdit();
        for (ConsentPurpose purpose : all) {
            list.add(card(purpose, editable));
        }
    }

    private ListItem card(ConsentPurpose purpose, boolean editable) {
        ListItem card = new ListItem();
        card.addClassName("purpose-card");
        card.setId("purpose-" + purpose.code());
        H3 name = new H3(purpose.name(getLocale()));
        Paragraph description = new Paragraph(purpose.description(getLocale()));
        Span basis = badge(getTranslation("consent.basis." + purpose.basis().letter(), purpose.basis().article()), "purpose-basis");
        Span state = badge(getTranslation(purpose.consentRequired() ? "consent.purposes.offUntilConsent" : "consent.purposes.alwaysOn"),
                purpose.consentRequired() ? "purpose-consent" : "purpose-on");
        Paragraph origin = new Paragraph(purpose.addedByHand() ? getTranslation("consent.purposes.byHand")
                : getTranslation("consent.purposes.stated", purpose.statedIn())
                        + (purpose.reworded() ? " · " + getTranslation("consent.purposes.reworded") : ""));
        origin.addClassName("purpose-origin");
        HorizontalLayout badges = new HorizontalLayout(basis, state);
        badges.addClassName("purpose-badges");
        if (purpose.status() == ConsentPurpose.Status.RETIRED) {
            badges.add(badge(getTranslation("consent.purposes.retired"), "purpose-retired"));
        }
        card.add(name, badges, description, origin);
        if (editable) {
            Button edit = new Button(getTranslation("consent.purposes.edit"), e -> new PurposeDialog(purposes, purpose, saved -> show()).open());
            edit.setId("purpose-edit-" + purpose.code());
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
            edit.getElement().setAttribute("aria-label", getTranslation("consent.purposes.editNamed", purpose.name(getLocale())));
            card.add(edit);
        }
        return card;
    }

    private static Span badge(String text, String className) {
        Span badge = new Span(text);
        badge.addClassNames("status-badge", className);
        return badge;
    }
}
