package eu.tutela.portal.consent.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import eu.tutela.portal.consent.ConsentPurpose;
import eu.tutela.portal.consent.ConsentService;
import eu.tutela.portal.consent.ConsentState;
import eu.tutela.portal.consent.Decision;
import eu.tutela.portal.people.Person;
import eu.tutela.portal.shell.FieldErrors;
import eu.tutela.portal.tenancy.InvalidInputException;
import java.util.List;

/** A decision made on paper, entered by staff: for which purpose, by whom, what, and where the form is. */
class PaperConsentDialog extends Dialog {

    private final Select<ConsentPurpose> purpose = new Select<>();
    private final Select<ConsentState.Holder> giver = new Select<>();
    private final RadioButtonGroup<Decision> decision = new RadioButtonGroup<>();
    private final TextArea note = new TextArea();
    private final FieldErrors errors = new FieldErrors(this);

    PaperConsentDialog(ConsentService consents, Person person, List<ConsentState> states, Runnable saved) {
        setId("consent-paper-dialog");
        setHeaderTitle(getTranslation("consent.paper.title", person.displayName()));
        setWidth("36rem");
        setMaxWidth("100%");
        purpose.setId("consent-paper-purpose");
        purpose.setLabel(getTranslation("consent.paper.purpose"));
        purpose.setItems(states.stream().map(ConsentState::purpose).toList());
        purpose.setItemLabelGenerator(p -> p.name(getLocale()));
        giver.setId("consent-paper-giver");
        giver.setLabel(getTranslation("consent.paper.giver"));
        giver.setItems(states.getFirst().holders());
        giver.setItemLabelGenerator(ConsentState.Holder::name);
        if (states.getFirst().holders().size() == 1) {
            giver.setValue(states.getFirst().holders().getFirst());
        }
        decision.setId("consent-paper-decision");
        decision.setLabel(getTranslation("consent.paper.decision"));
        decision.setItems(Decision.values());
        decision.setItemLabelGenerator(d -> getTranslation("consent.decision." + d.name()));
        note.setId("consent-paper-note");
        note.setLabel(getTranslation("consent.paper.note"));
        note.setHelperText(getTranslation("consent.paper.noteHint"));
        errors.on("purpose", purpose).on("giver", giver).on("decision", decision).on("note", note);
        FormLayout form = new FormLayout(purpose, giver, decision, note);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        Button cancel = new Button(getTranslation("policy.publish.cancel"), e -> close());
        Button save = new Button(getTranslation("consent.paper.save"), e -> {
            if (purpose.isEmpty()) {
                errors.show(InvalidInputException.of("purpose", "consent.paper.purposeRequired"));
                return;
            }
            try {
                consents.recordOnPaper(person.id(), giver.isEmpty() ? null : giver.getValue().personId(), purpose.getValue().id(),
                        decision.getValue(), note.getValue());
                close();
                saved.run();
                FieldErrors.announce(this, getTranslation("consent.paper.saved"));
            } catch (InvalidInputException refused) {
                errors.show(refused);
            }
        });
        save.setId("consent-paper-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, save);
    }
}
