package eu.tutela.portal.people;

import java.util.UUID;

/** A guardian was linked to a child by hand (or the link's details changed), in the transaction that did it. */
public record GuardianLinked(UUID guardianId, UUID childId, boolean parentalResponsibility) {
}
