package eu.tutela.portal.people;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A part of a person's page that another module shows (their channel preferences, later their consents and requests),
 * declared as a bean: the registry shows what other modules hold of a person without depending on them.
 */
public interface PersonPageSection {

    /** Where it goes among the others, lower first (after the person's links, before their history). */
    int order();

    /** The section for this person, as the caller may see it; empty when there is nothing for them to see. */
    Optional<Component> section(Person person);
}
