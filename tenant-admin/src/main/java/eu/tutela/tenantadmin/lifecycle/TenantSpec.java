package eu.tutela.tenantadmin.lifecycle;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a new tenant is made from. The constructor normalises and validates, and throws a {@link LifecycleException}
 * ({@link LifecycleException.Reason#INVALID}) listing every problem; {@link #problems} gives the same checks without
 * throwing (for forms).
 *
 * @param slug            lower-case letters, digits and single hyphens, 2 to 40 characters, starting and ending with a
 *                        letter or digit: the Keycloak organization alias and the tenant's key in URLs
 * @param displayName     the institution's name as people see it (1 to 200 characters)
 * @param countryCode     ISO 3166-1 alpha-2 ({@code FR}); lower case is accepted and upper-cased
 * @param languages       {@code fr} and/or {@code en}, the first being the tenant's default language
 * @param timeZone        an IANA zone id ({@code Europe/Paris}): deadlines and birthdays are counted in it
 * @param dpoEmail        the data-protection officer's contact address, may be null (set later in the settings)
 * @param firstAdminEmail the first administrator, whom the portal invites once the tenant exists
 */
public record TenantSpec(String slug, String displayName, String countryCode, List<String> languages, String timeZone,
        String dpoEmail, String firstAdminEmail) {

    public static final int SLUG_MIN_LENGTH = 2;
    public static final int SLUG_MAX_LENGTH = 40;
    public static final int DISPLAY_NAME_MAX_LENGTH = 200;
    public static final List<String> LANGUAGES = List.of("fr", "en");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?");
    /** A pragmatic check (what people mistype), not RFC 5322: one @, a dot in the domain, no spaces. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public TenantSpec {
        List<SpecProblem> problems = problems(slug, displayName, countryCode, languages, timeZone, dpoEmail, firstAdminEmail);
        if (!problems.isEmpty()) {
            throw LifecycleException.invalid(problems);
        }
        displayName = displayName.strip();
        countryCode = countryCode.strip().toUpperCase(Locale.ROOT);
        languages = List.copyOf(languages);
        timeZone = timeZone.strip();
        dpoEmail = blankToNull(dpoEmail) == null ? null : dpoEmail.strip().toLowerCase(Locale.ROOT);
        firstAdminEmail = firstAdminEmail.strip().toLowerCase(Locale.ROOT);
    }

    public String defaultLanguage() {
        return languages.getFirst();
    }

    /** Every problem with these values; empty if they make a valid spec. */
    public static List<SpecProblem> problems(String slug, String displayName, String countryCode, List<String> languages,
            String timeZone, String dpoEmail, String firstAdminEmail) {
        List<SpecProblem> problems = new ArrayList<>();
        slugProblem(slug).ifPresent(problems::add);
        if (displayName == null || displayName.isBlank()) {
            problems.add(new SpecProblem("displayName", "displayName.empty", "must not be blank"));
        } else if (displayName.strip().length() > DISPLAY_NAME_MAX_LENGTH) {
            problems.add(new SpecProblem("displayName", "displayName.length",
                    "must be at most " + DISPLAY_NAME_MAX_LENGTH + " characters, has " + displayName.strip().length()));
        }
        if (countryCode == null || countryCode.isBlank()) {
            problems.add(new SpecProblem("country", "country.empty", "must not be empty"));
        } else if (!COUNTRIES.contains(countryCode.strip().toUpperCase(Locale.ROOT))) {
            problems.add(new SpecProblem("country", "country.unknown", "'" + countryCode
                    + "' is not an ISO 3166-1 alpha-2 country code (two letters, e.g. FR, BE, DE)"));
        }
        if (languages == null || languages.isEmpty()) {
            problems.add(new SpecProblem("languages", "languages.empty", "name at least one language (fr, en)"));
        } else if (!LANGUAGES.containsAll(languages) || Set.copyOf(languages).size() != languages.size()) {
            problems.add(new SpecProblem("languages", "languages.unknown", languages + " must be fr and/or en, each once"));
        }
        if (timeZone == null || timeZone.isBlank()) {
            problems.add(new SpecProblem("timeZone", "timeZone.empty", "must not be empty"));
        } else if (!isZone(timeZone.strip())) {
            problems.add(new SpecProblem("timeZone", "timeZone.unknown",
                    "'" + timeZone + "' is not a time zone (an IANA id such as Europe/Paris)"));
        }
        if (blankToNull(dpoEmail) != null && !isEmail(dpoEmail)) {
            problems.add(new SpecProblem("dpoEmail", "email.invalid", "'" + dpoEmail + "' is not an e-mail address"));
        }
        if (blankToNull(firstAdminEmail) == null) {
            problems.add(new SpecProblem("firstAdminEmail", "email.empty", "name the first administrator's e-mail address"));
        } else if (!isEmail(firstAdminEmail)) {
            problems.add(new SpecProblem("firstAdminEmail", "email.invalid", "'" + firstAdminEmail + "' is not an e-mail address"));
        }
        return List.copyOf(problems);
    }

    static java.util.Optional<SpecProblem> slugProblem(String slug) {
        if (slug == null || slug.isEmpty()) {
            return java.util.Optional.of(new SpecProblem("slug", "slug.empty", "must not be empty"));
        }
        if (slug.length() < SLUG_MIN_LENGTH || slug.length() > SLUG_MAX_LENGTH) {
            return java.util.Optional.of(new SpecProblem("slug", "slug.length", "'" + slug + "' must be " + SLUG_MIN_LENGTH
                    + " to " + SLUG_MAX_LENGTH + " characters long, has " + slug.length()));
        }
        if (!SLUG.matcher(slug).matches() || slug.contains("--")) {
            return java.util.Optional.of(new SpecProblem("slug", "slug.characters", "'" + slug + "' may contain only "
                    + "lower-case letters a-z, digits and single hyphens, and must start and end with a letter or digit"));
        }
        return java.util.Optional.empty();
    }

    private static boolean isEmail(String value) {
        String v = value.strip();
        return v.length() <= 254 && EMAIL.matcher(v).matches();
    }

    private static boolean isZone(String id) {
        if (!id.contains("/") && !"UTC".equals(id)) {
            return false; // offsets such as +02:00 know no summer time: a school's deadlines need its region
        }
        try {
            ZoneId.of(id);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
