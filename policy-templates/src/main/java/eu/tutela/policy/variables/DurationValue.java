package eu.tutela.policy.variables;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A positive retention period such as "3 years" or "13 mois". */
public record DurationValue(int amount, Unit unit) {

    /** Its words ("an" / "ans", "year" / "years") are in catalogue/labels/*.yaml, "duration-units". */
    public enum Unit { DAY, WEEK, MONTH, YEAR }

    private static final Pattern SHAPE = Pattern.compile("([+-]?\\d{1,4})\\s*(\\p{L}+)");

    /** Empty when the text is not an amount followed by a known unit, in French or English. */
    public static Optional<DurationValue> parse(String text) {
        Matcher m = SHAPE.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        Unit unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "day", "days", "jour", "jours" -> Unit.DAY;
            case "week", "weeks", "semaine", "semaines" -> Unit.WEEK;
            case "month", "months", "mois" -> Unit.MONTH;
            case "year", "years", "an", "ans", "année", "années" -> Unit.YEAR;
            default -> null;
        };
        return unit == null ? Optional.empty() : Optional.of(new DurationValue(Integer.parseInt(m.group(1)), unit));
    }
}
