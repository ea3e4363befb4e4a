package eu.tutela.portal.rights.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import eu.tutela.portal.people.Correction;
import eu.tutela.portal.shell.FieldErrors;

/**
 * For a rectification: the values the record should have, each optional (what is left empty stays as it is); the
 * registry's own rules check them when the request is sent.
 */
class CorrectionFields extends Composite<Div> {

    private final TextField givenName = field("request-correction-given-name", "people.givenName");
    private final TextField familyName = field("request-correction-family-name", "people.familyName");
    private final DatePicker birthDate = new DatePicker(getTranslation("people.birthDate"));
    private final TextField email = field("request-correction-email", "people.email");
    private final TextField phone = field("request-correction-phone", "people.phone");

    CorrectionFields() {
        birthDate.setId("request-correction-birth-date");
        Paragraph intro = new Paragraph(getTranslation("rights.rectification.fields"));
        intro.addClassName("field-help");
        getContent().setId("request-correction");
        getContent().add(intro, new FormLayout(givenName, familyName, birthDate, email, phone));
        setVisible(false);
    }

    Correction value() {
        return new Correction(givenName.getValue(), familyName.getValue(), birthDate.getValue(), email.getValue(), phone.getValue());
    }

    /** Shows each field's refusal ({@code correction.givenName}…) on it. */
    FieldErrors bind(FieldErrors errors) {
        return errors.on("correction.givenName", givenName).on("correction.familyName", familyName).on("correction.birthDate", birthDate)
                .on("correction.email", email).on("correction.phone", phone);
    }

    private TextField field(String id, String label) {
        TextField field = new TextField(getTranslation(label));
        field.setId(id);
        field.setMaxLength(320);
        return field;
    }
}
