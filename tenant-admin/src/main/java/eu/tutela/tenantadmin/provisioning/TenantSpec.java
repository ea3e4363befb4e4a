package eu.tutela.tenantadmin.provisioning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a tenant is made from. The constructor validates and throws {@link InvalidTenantSpecException} listing every
 * problem; {@link #problems(String, String, String)} gives the same checks without throwing (for forms).
 *
 * @param slug        lower-case letters, digits and hyphens, 2 to 40 characters, starting and ending with a letter or
 *                    digit; the Keycloak organization alias and the tenant's key
 * @param displayName the institution's name as shown to people (1 to 200 characters)
 * @param countryCode ISO 3166-1 alpha-2, upper case (e.g. {@code FR}); lower case input is accepted and upper-cased
 */
public record TenantSpec(String slug, String displayName, String countryCode) {

    public static final int SLUG_MIN_LENGTH = 2;
    public static final int SLUG_MAX_LENGTH = 40;
    public static final int DISPLAY_NAME_MAX_LENGTH = 200;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public TenantSpec {
        List<String> problems = problems(slug, displayName, countryCode);
        if (!problems.isEmpty()) {
            throw new InvalidTenantSpecException(problems);
        }
        displayName = displayName.strip();
        countryCode = countryCode.toUpperCase(Locale.ROOT);
    }

    /** Every problem with these values, each naming its field; empty if they make a valid spec. */
    public static List<String> problems(String slug, String displayName, String countryCode) {
        List<String> problems = new ArrayList<>();
        slugProblem(slug).ifPresent(problems::add);
        if (displayName == null || displayName.isBlank()) {
            problems.add("displayName: must not be blank");
        } else if (displayName.strip().length() > DISPLAY_NAME_MAX_LENGTH) {
            problems.add("displayName: must be at most " + DISPLAY_NAME_MAX_LENGTH + " characters, has "
                    + displayName.strip().length());
        }
        countryProblem(countryCode).ifPresent(problems::add);
        return List.copyOf(problems);
    }

    static java.util.Optional<String> slugProblem(String slug) {
        if (slug == null || slug.isEmpty()) {
            return java.util.Optional.of("slug: must not be empty");
        }
        if (slug.length() < SLUG_MIN_LENGTH || slug.length() > SLUG_MAX_LENGTH) {
            return java.util.Optional.of("slug '" + slug + "': must be " + SLUG_MIN_LENGTH + " to " + SLUG_MAX_LENGTH
                    + " characters long, has " + slug.length());
        }
        if (!SLUG.matcher(slug).matches()) {
            return java.util.Optional.of("slug '" + slug + "': may contain only lower-case letters a-z, digits and "
                    + "hyphens, and must start and end with a letter or digit");
        }
        if (slug.contains("--")) {
            return java.util.Optional.of("slug '" + slug + "': must not contain two hyphens in a row");
        }
        return java.util.Optional.empty();
    }

    static java.util.Optional<String> countryProblem(String countryCode) {
        if (countryCode == null || countryCode.isBlank()) {
            return java.util.Optional.of("countryCode: must not be empty");
        }
        if (!COUNTRIES.contains(countryCode.toUpperCase(Locale.ROOT))) {
            return java.util.Optional.of("countryCode '" + countryCode + "': is not an ISO 3166-1 alpha-2 country code "
                    + "(two letters, e.g. FR, BE, DE)");
        }
        return java.util.Optional.empty();
    }
}
