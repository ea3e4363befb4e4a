package eu.tutela.policy.catalogue;

/** A section's place in a template and what it is about. */
public record SectionDefinition(String id, Topic topic) {
}
