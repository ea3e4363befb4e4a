package eu.tutela.portal.tenancy;

import eu.tutela.policy.variables.DigitalConsentAge;
import eu.tutela.policy.variables.SupervisoryAuthority;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * How an institution presents itself and which legal defaults it applies.
 *
 * @param consentAgeOverride null when the country's age of digital consent applies
 * @param authorityName null when the authority the policy templates know for the country applies
 */
public record TenantSettings(UUID tenantId, String slug, String displayName, String primaryColour, String country,
        Integer consentAgeOverride, String consentAgeReason, List<String> languages, ZoneId timeZone,
        String dpoName, String dpoEmail, String authorityName, String authorityUrl, boolean hasLogo) {

    /** The age below which a guardian consents for a child (GDPR Art. 8): the override, else the country's. */
    public int digitalConsentAge() {
        return consentAgeOverride != null ? consentAgeOverride : DigitalConsentAge.forCountry(country);
    }

    /** The supervisory authority the institution names: its own entry, else its country's. */
    public Optional<SupervisoryAuthority> supervisoryAuthority() {
        if (authorityName != null && !authorityName.isBlank()) {
            return Optional.of(new SupervisoryAuthority(authorityName, authorityUrl == null ? "" : authorityUrl));
        }
        return SupervisoryAuthority.forCountry(country);
    }

    public BrandColour colour() {
        return BrandColour.parse(primaryColour).orElse(BrandColour.DEFAULT);
    }

    /** What an administrator may change, as submitted: checked by {@link TenantSettingsService#update}. */
    public record Change(String displayName, String primaryColour, String country, Integer consentAgeOverride,
            String consentAgeReason, List<String> languages, String timeZone, String dpoName, String dpoEmail,
            String authorityName, String authorityUrl) {
    }

    public Change toChange() {
        return new Change(displayName, primaryColour, country, consentAgeOverride, consentAgeReason, languages,
                timeZone.getId(), dpoName, dpoEmail, authorityName, authorityUrl);
    }
}
