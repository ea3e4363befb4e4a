package eu.tutela.portal.rights;

import java.util.UUID;

/** Someone the signed-in person may make a request about: themself, or a minor child they hold parental responsibility for. */
public record RequestSubject(UUID personId, String name, boolean self) {
}
