package eu.tutela.portal.rights.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import eu.tutela.portal.people.People;
import eu.tutela.portal.people.PeopleFilter;
import eu.tutela.portal.people.PeopleSort;
import eu.tutela.portal.people.Person;
import eu.tutela.portal.rights.RequestHandling;
import eu.tutela.portal.rights.RightsRequest;
import eu.tutela.portal.shell.FieldErrors;
import eu.tutela.portal.tenancy.InvalidInputException;

/**
 * A request from the public form is about nobody in the registry until the DPO finds the person (by name, among
 * everyone, former students included) and links it.
 */
class SubjectLink extends Composite<Div> {

    SubjectLink(RequestHandling handling, People people, RightsRequest request, Runnable done) {
        Div box = getContent();
        box.setId("request-subject-link");
        ComboBox<Person> person = new ComboBox<>(getTranslation("rights.subject.find"));
        person.setId("request-subject-person");
        person.setItems(query -> people.search(new PeopleFilter(query.getFilter().orElse(""), null, null, null, null), PeopleSort.NAME,
                query.getOffset(), query.getLimit()).stream());
        person.setItemLabelGenerator(p -> p.displayName() + (p.className() == null ? "" : " · " + p.className())
                + (p.birthDate() == null ? "" : " · " + p.birthDate()));
        person.setWidthFull();
        FieldErrors errors = new FieldErrors(this).on("person", person).on("type", person);
        Button link = new Button(getTranslation("rights.subject.link"), e -> {
            try {
                handling.linkSubject(request.id(), person.getValue() == null ? null : person.getValue().id());
                done.run();
            } catch (InvalidInputException refused) {
                errors.show(refused);
            }
        });
        link.setId("request-subject-link-button");
        box.add(new H3(getTranslation("rights.subject.linkTitle")), new Paragraph(getTranslation("rights.subject.linkIntro")), person, link);
    }
}
