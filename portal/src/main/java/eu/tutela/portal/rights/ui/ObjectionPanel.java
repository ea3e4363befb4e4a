package eu.tutela.portal.rights.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import eu.tutela.portal.consent.ConsentState;
import eu.tutela.portal.rights.Objections;
import eu.tutela.portal.rights.RequestStatus;
import eu.tutela.portal.rights.RequestType;
import eu.tutela.portal.rights.RightsRequest;
import eu.tutela.portal.shell.FieldErrors;
import eu.tutela.portal.tenancy.InvalidInputException;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An objection's or a withdrawal's fulfilment on its page: the subject's purposes that need consent, each on or off
 * now; the DPO ticks those the requester asks to stop and turns them off.
 */
class ObjectionPanel extends Composite<Div> {

    ObjectionPanel(Objections objections, RightsRequest request, Runnable done) {
        Div box = getContent();
        box.setId("request-objection");
        CheckboxGroup<ConsentState> purposes = new CheckboxGroup<>(getTranslation("rights.objection.purposes"));
        purposes.setId("request-objection-purposes");
        purposes.setItems(objections.purposes(request.id()));
        purposes.setItemLabelGenerator(s -> s.purpose().name(getLocale()) + " — "
                + getTranslation(s.allowed() ? "rights.objection.on" : "rights.objection.off"));
        Button turnOff = new Button(getTranslation("rights.objection.turnOff"), e -> {
            try {
                Set<UUID> chosen = purposes.getValue().stream().map(s -> s.purpose().id()).collect(Collectors.toSet());
                objections.turnOff(request.id(), chosen);
                FieldErrors.announce(this, getTranslation("rights.objection.turnedOff"));
                done.run();
            } catch (InvalidInputException refused) {
                new FieldErrors(this).on("purposes", purposes).show(refused);
            }
        });
        turnOff.setId("request-objection-turn-off");
        turnOff.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        box.add(new H3(getTranslation("rights.objection.title")), new Paragraph(getTranslation("rights.objection.intro")), purposes, turnOff);
    }

    /** An objection or a withdrawal whose identity is not in doubt, about someone in the registry. */
    static boolean applies(RightsRequest request) {
        return (request.type() == RequestType.OBJECTION || request.type() == RequestType.WITHDRAWAL) && !request.status().closed()
                && request.status() != RequestStatus.IDENTITY_TO_VERIFY && request.subjectId() != null;
    }
}
