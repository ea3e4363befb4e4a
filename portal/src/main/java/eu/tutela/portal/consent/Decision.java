package eu.tutela.portal.consent;

/** What a person decided about a purpose: a withdrawal ends a consent given earlier, as easily as it was given. */
public enum Decision {
    GIVEN, REFUSED, WITHDRAWN
}
