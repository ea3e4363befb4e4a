package eu.tutela.portal.rights;

import eu.tutela.portal.tenancy.InvalidInputException;

/** What a person types on a request (a message, a note, a reason): plain text, shown as text, never as markup. */
final class RequestText {

    private RequestText() {
    }

    /**
     * The text without its surrounding blanks.
     *
     * @throws InvalidInputException on {@code field} when empty or longer than {@value RightsRequests#MAX_TEXT} characters
     */
    static String required(String text, String field) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty()) {
            throw InvalidInputException.of(field, "rights.text.required");
        }
        if (stripped.length() > RightsRequests.MAX_TEXT) {
            throw InvalidInputException.of(field, "rights.text.tooLong");
        }
        return stripped;
    }
}
