package eu.tutela.portal.people;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What makes a person's record acceptable, whether typed in a form or read from a roster file: the same rules,
 * the same message keys, one place. The external id's uniqueness needs the database and is checked by the caller.
 */
final class PersonRules {

    /** Older than this is a typing error, not a person (the oldest living people are under 120). */
    static final int OLDEST_AGE = 120;
    private static final Pattern MARKUP = Pattern.compile("[<>]|javascript:", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ().-]{6,30}$");
    /** Control characters: never in a name; in a file, the sign of text read in the wrong encoding. */
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    private PersonRules() {
    }

    /** The record cleaned (trimmed, blanks as absent) and the problems by field; no problems means acceptable. */
    record Checked(PersonDetails details, Map<String, String> problems) {

        boolean acceptable() {
            return problems.isEmpty();
        }
    }

    /** {@code today} is the institution's date (its time zone): birth dates are judged against its calendar. */
    static Checked check(PersonDetails d, LocalDate today) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (d.kind() == null) {
            problems.put("kind", "people.kind.required");
        }
        String given = name(d.givenName(), "givenName", problems);
        String family = name(d.familyName(), "familyName", problems);
        birthDate(d.kind(), d.birthDate(), today).ifPresent(key -> problems.put("birthDate", key));
        String email = blankToNull(d.email());
        if (email != null && (email.length() > 320 || !EMAIL.matcher(email).matches())) {
            problems.put("email", "people.email.invalid");
        }
        String phone = blankToNull(d.phone());
        if (phone != null && !PHONE.matcher(phone).matches()) {
            problems.put("phone", "people.phone.invalid");
        }
        String language = blankToNull(d.language());
        if (language != null && !language.equals("fr") && !language.equals("en")) {
            problems.put("language", "people.language.invalid");
        }
        String className = text(d.className(), "className", 100, problems);
        String function = text(d.jobFunction(), "jobFunction", 200, problems);
        String externalId = text(d.externalId(), "externalId", 200, problems);
        return new Checked(new PersonDetails(d.kind(), given, family, d.birthDate(), className, email, phone, language, function,
                externalId), problems);
    }

    /** The problem with a birth date, if any: in the future, absurdly old, or missing for a student. */
    static Optional<String> birthDate(PersonKind kind, LocalDate birthDate, LocalDate today) {
        if (birthDate != null && birthDate.isAfter(today)) {
            return Optional.of("people.birthDate.future");
        } else if (birthDate != null && birthDate.isBefore(today.minusYears(OLDEST_AGE))) {
            return Optional.of("people.birthDate.tooOld");
        } else if (kind == PersonKind.STUDENT && birthDate == null) {
            return Optional.of("people.birthDate.required");
        }
        return Optional.empty();
    }

    private static String name(String value, String field, Map<String, String> problems) {
        String name = blankToNull(value);
        if (name == null) {
            problems.put(field, "people.name.required");
        } else if (name.length() > 200) {
            problems.put(field, "people.name.tooLong");
        } else if (MARKUP.matcher(name).find()) {
            problems.put(field, "people.name.markup");
        } else if (CONTROL.matcher(name).find()) {
            problems.put(field, "people.name.control");
        }
        return name;
    }

    private static String text(String value, String field, int max, Map<String, String> problems) {
        String text = blankToNull(value);
        if (text != null && (text.length() > max || MARKUP.matcher(text).find())) {
            problems.put(field, "people.text.invalid");
        }
        return text;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
