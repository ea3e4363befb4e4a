package eu.tutela.portal.people;

/**
 * A row an import leaves out: the file and spreadsheet line, the field, why (a message key) and the value at fault
 * as the file had it (plain text, never markup).
 */
public record RosterProblem(String file, long line, String field, String messageKey, String detail) {

    /** The message key of the field's name, as the registration form labels it. */
    public String fieldKey() {
        return switch (field) {
            case "className" -> "people.class";
            case "jobFunction" -> "people.function";
            case "givenName", "familyName", "birthDate", "email", "phone", "language", "externalId", "kind" -> "people." + field;
            default -> "people.import.field." + field;
        };
    }
}
