package eu.tutela.portal.people;

import java.util.UUID;

/** How to write to a person of the registry: their name, their address (null when the registry has none), their language. */
public record Contact(UUID personId, String name, String email, String language) {
}
