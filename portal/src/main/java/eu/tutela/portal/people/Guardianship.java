package eu.tutela.portal.people;

/** A link between a guardian and a child, seen from one side: the other person, what the guardian is, and responsibility. */
public record Guardianship(Person other, Relationship relationship, boolean parentalResponsibility) {
}
