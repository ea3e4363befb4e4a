package eu.tutela.portal.rights;

/** One field a rectification request asks to correct: its name ({@code givenName}…), the value in the registry now, the value asked for. */
public record CorrectionLine(String field, String now, String proposed) {
}
