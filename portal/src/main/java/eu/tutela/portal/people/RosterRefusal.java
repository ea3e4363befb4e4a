package eu.tutela.portal.people;

/** The whole import is refused (a message key for the reader, and what it names): nothing is imported. */
class RosterRefusal extends RuntimeException {

    final String key;
    final String detail;

    RosterRefusal(String key, String detail) {
        super(key + (detail == null ? "" : ": " + detail), null, false, false);
        this.key = key;
        this.detail = detail;
    }
}
