package eu.tutela.portal.consent.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import eu.tutela.policy.LawfulBasis;
import eu.tutela.portal.consent.ConsentPurpose;
import eu.tutela.portal.consent.ConsentPurposes;
import eu.tutela.portal.consent.PurposeWording;
import eu.tutela.portal.shell.FieldErrors;
import eu.tutela.portal.tenancy.InvalidInputException;
import java.util.function.Consumer;

/**
 * Adding a purpose, or adapting one's wording (in both languages); the lawful basis of a purpose the policy states is
 * the policy's and is shown, not offered.
 */
class PurposeDialog extends Dialog {

    private final TextField nameFr = new TextField();
    private final TextField nameEn = new TextField();
    private final TextArea descriptionFr = new TextArea();
    private final TextArea descriptionEn = new TextArea();
    private final Select<LawfulBasis> basis = new Select<>();
    private final Checkbox active = new Checkbox();
    private final FieldErrors errors = new FieldErrors(this);

    PurposeDialog(ConsentPurposes purposes, ConsentPurpose editing, Consumer<ConsentPurpose> saved) {
        setId("purpose-dialog");
        setHeaderTitle(getTranslation(editing == null ? "consent.purposes.add" : "consent.purposes.edit"));
        setWidth("44rem");
        setMaxWidth("100%");
        nameFr.setId("purpose-name-fr");
        nameFr.setLabel(getTranslation("consent.purposes.nameFr"));
        nameEn.setId("purpose-name-en");
        nameEn.setLabel(getTranslation("consent.purposes.nameEn"));
        descriptionFr.setId("purpose-description-fr");
        descriptionFr.setLabel(getTranslation("consent.purposes.descriptionFr"));
        descriptionEn.setId("purpose-description-en");
        descriptionEn.setLabel(getTranslation("consent.purposes.descriptionEn"));
        basis.setId("purpose-basis");
        basis.setLabel(getTranslation("consent.purposes.basis"));
        basis.setItems(LawfulBasis.values());
        basis.setItemLabelGenerator(b -> getTranslation("consent.basis." + b.letter(), b.article()));
        active.setId("purpose-active");
        active.setLabel(getTranslation("consent.purposes.active"));
        errors.on("nameFr", nameFr).on("nameEn", nameEn).on("descriptionFr", descriptionFr).on("descriptionEn", descriptionEn)
                .on("basis", basis);
        FormLayout form = new FormLayout(nameFr, nameEn, descriptionFr, descriptionEn);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        boolean byHand = editing == null || editing.addedByHand();
        if (editing != null) {
            PurposeWording w = editing.wording();
            nameFr.setValue(w.nameFr());
            nameEn.setValue(w.nameEn());
            descriptionFr.setValue(w.descriptionFr());
            descriptionEn.setValue(w.descriptionEn());
            basis.setValue(editing.basis());
            active.setValue(editing.status() == ConsentPurpose.Status.ACTIVE);
        }
        if (byHand) {
            form.add(basis);
            if (editing != null) {
                form.add(active);
            }
        }
        add(form);
        Button cancel = new Button(getTranslation("policy.publish.cancel"), e -> close());
        Button save = new Button(getTranslation("people.save"), e -> {
            PurposeWording wording = new PurposeWording(nameFr.getValue(), nameEn.getValue(), descriptionFr.getValue(), descriptionEn.getValue());
            try {
                ConsentPurpose result;
                if (editing == null) {
                    result = purposes.add(wording, basis.getValue());
                } else {
                    result = purposes.reword(editing.id(), wording);
                    if (byHand) {
                        result = purposes.rebase(editing.id(), basis.getValue());
                        result = purposes.setActive(editing.id(), active.getValue());
                    }
                }
                close();
                saved.accept(result);
            } catch (InvalidInputException refused) {
                errors.show(refused);
            }
        });
        save.setId("purpose-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, save);
    }
}
