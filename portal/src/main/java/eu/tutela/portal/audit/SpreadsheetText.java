package eu.tutela.portal.audit;

/**
 * A cell value a spreadsheet shows as text, never runs as a formula (OWASP "CSV injection"): values
 * that start with {@code = + - @}, a tab or a carriage return get a leading apostrophe.
 */
final class SpreadsheetText {

    private SpreadsheetText() {
    }

    static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
