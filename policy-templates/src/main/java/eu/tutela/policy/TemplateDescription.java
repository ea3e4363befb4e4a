package eu.tutela.policy;

import eu.tutela.policy.catalogue.ClauseDefinition;
import eu.tutela.policy.catalogue.Topic;
import eu.tutela.policy.catalogue.VariableDefinition;

import java.util.List;

/** What an editor needs to build a form for a template, in one language. */
public record TemplateDescription(String id, String name, String description, List<VariableDefinition> variables,
                                  List<ClauseDefinition> clauses, List<Section> sections) {

    /** A section a tenant may add free text to. */
    public record Section(String id, Topic topic, String title) {
    }
}
