package eu.tutela.portal.tenancy;

import java.util.Map;

/**
 * Input a service refused, nothing changed: for each field, the key of a message that says why
 * ({@code messages*.properties}), for the view to show on that field in the reader's language.
 */
public class InvalidInputException extends RuntimeException {

    private final Map<String, String> problems;

    public InvalidInputException(Map<String, String> problems) {
        super("Invalid input: " + problems);
        this.problems = Map.copyOf(problems);
    }

    public static InvalidInputException of(String field, String messageKey) {
        return new InvalidInputException(Map.of(field, messageKey));
    }

    /** Field name to message key. */
    public Map<String, String> problems() {
        return problems;
    }
}
