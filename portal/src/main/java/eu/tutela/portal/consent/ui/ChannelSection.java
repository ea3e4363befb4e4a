package eu.tutela.portal.consent.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import eu.tutela.portal.consent.Channel;
import eu.tutela.portal.consent.ChannelChoices;
import eu.tutela.portal.consent.ChannelPreferences;
import eu.tutela.portal.consent.ChannelTopic;
import eu.tutela.portal.consent.ConsentPurposes;
import eu.tutela.portal.people.Person;
import eu.tutela.portal.people.PersonPageSection;
import eu.tutela.portal.shell.FieldErrors;
import eu.tutela.portal.tenancy.InvalidInputException;
import java.util.Locale;
import java.util.Optional;

/**
 * On a person's page, for administrators and the DPO: the channels the person accepts for information and for
 * marketing, recorded as the person asked (each change saved at once and in the audit trail).
 */
@org.springframework.stereotype.Component
class ChannelSection implements PersonPageSection {

    private final ChannelPreferences preferences;
    private final ConsentPurposes purposes;

    ChannelSection(ChannelPreferences preferences, ConsentPurposes purposes) {
        this.preferences = preferences;
        this.purposes = purposes;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Component> section(Person person) {
        if (!purposes.mayEdit()) {
            return Optional.empty();
        }
        ChannelChoices choices = preferences.of(person.id());
        Div section = new Div();
        section.setId("person-channels");
        section.addClassName("person-channels");
        H3 title = new H3(section.getTranslation("consent.channels.title"));
        Paragraph hint = new Paragraph(section.getTranslation("consent.channels.hint"));
        section.add(title, hint);
        for (ChannelTopic topic : ChannelTopic.values()) {
            CheckboxGroup<Channel> group = new CheckboxGroup<>();
            group.setId("channels-" + topic.name().toLowerCase(Locale.ROOT));
            group.setLabel(section.getTranslation("consent.channels.topic." + topic.name()));
            group.setItems(Channel.values());
            group.setItemLabelGenerator(c -> section.getTranslation("consent.channel." + c.name()));
            group.setValue(choices.allowed().get(topic));
            group.addValueChangeListener(change -> {
                if (!change.isFromClient()) {
                    return;
                }
                try {
                    preferences.choose(person.id(), topic, change.getValue());
                    FieldErrors.announce(section, section.getTranslation("consent.channels.saved"));
                } catch (InvalidInputException refused) {
                    new FieldErrors(section).show(refused);
                }
            });
            section.add(group);
        }
        return Optional.of(section);
    }
}
