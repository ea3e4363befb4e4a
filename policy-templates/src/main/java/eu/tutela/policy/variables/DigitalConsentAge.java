package eu.tutela.policy.variables;

import java.util.Map;

/**
 * The age below which a holder of parental responsibility must give or authorise consent (GDPR Art. 8),
 * per country, as listed in shared/reference/gdpr-facts.md. Moodle's shipped map disagrees for several
 * countries and is deliberately not used.
 */
public final class DigitalConsentAge {

    public static final int GDPR_DEFAULT = 16;
    public static final int LOWEST_ALLOWED = 13;

    private static final Map<String, Integer> BY_COUNTRY = Map.ofEntries(
            Map.entry("BE", 13), Map.entry("EE", 13), Map.entry("FI", 13), Map.entry("LV", 13),
            Map.entry("MT", 13), Map.entry("PT", 13), Map.entry("SE", 13), Map.entry("NO", 13),
            Map.entry("AT", 14), Map.entry("BG", 14), Map.entry("CY", 14), Map.entry("IT", 14),
            Map.entry("LT", 14), Map.entry("ES", 14),
            Map.entry("CZ", 15), Map.entry("FR", 15), Map.entry("GR", 15), Map.entry("SI", 15),
            Map.entry("DK", 15));

    private DigitalConsentAge() {
    }

    /** Every EEA country not listed uses the GDPR default of 16 (HR, DE, HU, IE, LU, NL, PL, RO, SK…). */
    public static int forCountry(String isoCode) {
        return BY_COUNTRY.getOrDefault(isoCode, GDPR_DEFAULT);
    }
}
