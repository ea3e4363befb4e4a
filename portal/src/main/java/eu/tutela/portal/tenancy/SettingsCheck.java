package eu.tutela.portal.tenancy;

import eu.tutela.policy.variables.Countries;
import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What makes a settings change acceptable; pure, so that every rule is unit-tested on its own. */
final class SettingsCheck {

    static final Set<String> LANGUAGES = Set.of("fr", "en");

    private SettingsCheck() {
    }

    /** Field name to message key, empty when the change is acceptable. */
    static Map<String, String> problems(TenantSettings.Change c) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (blank(c.displayName()) || c.displayName().strip().length() > 200 || hasControl(c.displayName())) {
            problems.put("displayName", "settings.error.displayName");
        }
        if (BrandColour.parse(c.primaryColour()).isEmpty()) {
            problems.put("primaryColour", "settings.error.colour");
        }
        if (c.country() == null || !Countries.isEea(c.country())) {
            problems.put("country", "settings.error.country");
        }
        if (c.consentAgeOverride() != null) {
            // GDPR Art. 8(1): a member state may lower the age to 13, never below, and 16 is the ceiling.
            if (c.consentAgeOverride() < 13 || c.consentAgeOverride() > 16) {
                problems.put("consentAge", "settings.error.consentAge");
            }
            if (blank(c.consentAgeReason()) || c.consentAgeReason().length() > 1000) {
                problems.put("consentAgeReason", "settings.error.consentAgeReason");
            }
        }
        List<String> languages = c.languages() == null ? List.of() : c.languages();
        if (languages.isEmpty() || !LANGUAGES.containsAll(languages)) {
            problems.put("languages", "settings.error.languages");
        }
        if (!isZone(c.timeZone())) {
            problems.put("timeZone", "settings.error.timeZone");
        }
        if (!blank(c.dpoName()) && (c.dpoName().length() > 200 || hasControl(c.dpoName()))) {
            problems.put("dpoName", "settings.error.dpoName");
        }
        if (!blank(c.dpoEmail()) && EmailAddress.parse(c.dpoEmail()).isEmpty()) {
            problems.put("dpoEmail", "settings.error.email");
        }
        if (!blank(c.authorityName()) && (c.authorityName().length() > 300 || hasControl(c.authorityName()))) {
            problems.put("authorityName", "settings.error.authorityName");
        }
        if (!blank(c.authorityUrl()) && !isHttpsUrl(c.authorityUrl())) {
            problems.put("authorityUrl", "settings.error.authorityUrl");
        }
        return problems;
    }

    static boolean isZone(String id) {
        if (blank(id) || !ZoneId.getAvailableZoneIds().contains(id)) {
            return false;
        }
        try {
            ZoneId.of(id);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static boolean isHttpsUrl(String value) {
        try {
            URI uri = URI.create(value.strip());
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && value.length() <= 500;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Control characters, and markup: a name is text, and a {@code <script>} in it is refused, not stored. */
    static boolean hasControl(String value) {
        return value.chars().anyMatch(ch -> Character.isISOControl(ch) || ch == '<' || ch == '>');
    }
}
