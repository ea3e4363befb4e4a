package eu.tutela.portal.people.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import eu.tutela.portal.people.People;
import eu.tutela.portal.people.Person;
import eu.tutela.portal.people.PersonDetails;
import eu.tutela.portal.people.PersonKind;
import eu.tutela.portal.shell.FieldErrors;
import eu.tutela.portal.tenancy.InvalidInputException;
import java.util.function.Consumer;

/** Registering a person, or editing one: every refusal on its field, in the person's language. */
class PersonDialog extends Dialog {

    private final Select<PersonKind> kind = new Select<>();
    private final TextField givenName = new TextField();
    private final TextField familyName = new TextField();
    private final DatePicker birthDate = new DatePicker();
    private final TextField className = new TextField();
    private final TextField email = new TextField();
    private final TextField phone = new TextField();
    private final Select<String> language = new Select<>();
    private final TextField jobFunction = new TextField();
    private final TextField externalId = new TextField();
    private final FieldErrors errors = new FieldErrors(this);

    PersonDialog(People people, Person editing, Consumer<Person> saved) {
        setId("person-dialog");
        setHeaderTitle(getTranslation(editing == null ? "people.register" : "people.edit"));
        setWidth("40rem");
        setMaxWidth("100%");
        kind.setItems(PersonKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("people.kind." + k.name()));
        language.setItems("fr", "en");
        language.setItemLabelGenerator(code -> getTranslation("language." + code));
        label(kind, "person-kind", "people.kind");
        label(givenName, "person-given-name", "people.givenName");
        label(familyName, "person-family-name", "people.familyName");
        label(birthDate, "person-birth-date", "people.birthDate");
        label(className, "person-class", "people.class");
        label(email, "person-email", "people.email");
        label(phone, "person-phone", "people.phone");
        label(language, "person-language", "people.language");
        label(jobFunction, "person-function", "people.function");
        label(externalId, "person-external-id", "people.externalId");
        errors.on("kind", kind).on("givenName", givenName).on("familyName", familyName).on("birthDate", birthDate)
                .on("className", className).on("email", email).on("phone", phone).on("language", language)
                .on("jobFunction", jobFunction).on("externalId", externalId);
        if (editing != null) {
            kind.setValue(editing.kind());
            givenName.setValue(editing.givenName());
            familyName.setValue(editing.familyName());
            birthDate.setValue(editing.birthDate());
            className.setValue(nullToEmpty(editing.className()));
            email.setValue(nullToEmpty(editing.email()));
            phone.setValue(nullToEmpty(editing.phone()));
            language.setValue(editing.language());
            jobFunction.setValue(nullToEmpty(editing.jobFunction()));
            externalId.setValue(nullToEmpty(editing.externalId()));
        }
        FormLayout form = new FormLayout(kind, givenName, familyName, birthDate, className, email, phone, language, jobFunction, externalId);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        add(form);
        Button cancel = new Button(getTranslation("policy.publish.cancel"), e -> close());
        Button save = new Button(getTranslation("people.save"), e -> {
            PersonDetails details = new PersonDetails(kind.getValue(), givenName.getValue(), familyName.getValue(), birthDate.getValue(),
                    className.getValue(), email.getValue(), phone.getValue(), language.getValue(), jobFunction.getValue(),
                    externalId.getValue());
            try {
                Person person = editing == null ? people.register(details) : people.update(editing.id(), details);
                close();
                saved.accept(person);
            } catch (InvalidInputException refused) {
                errors.show(refused);
            }
        });
        save.setId("person-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, save);
    }

    private void label(com.vaadin.flow.component.HasLabel field, String id, String key) {
        ((com.vaadin.flow.component.Component) field).setId(id);
        field.setLabel(getTranslation(key));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
