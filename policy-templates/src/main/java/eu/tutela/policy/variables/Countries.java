package eu.tutela.policy.variables;

import eu.tutela.policy.Lang;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 codes, the EEA, and localised country names. */
public final class Countries {

    private static final Set<String> ISO = Set.of(Locale.getISOCountries());

    /** EU member states plus Iceland, Liechtenstein and Norway. */
    private static final Set<String> EEA = Set.of(
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
            "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO");

    private Countries() {
    }

    public static boolean isIso(String code) {
        return code != null && code.length() == 2 && ISO.contains(code);
    }

    /** The EU member states, Iceland, Liechtenstein and Norway. */
    public static Set<String> eea() {
        return EEA;
    }

    public static boolean isEea(String code) {
        return EEA.contains(code);
    }

    public static String name(String code, Lang lang) {
        return isIso(code) ? Locale.of("", code).getDisplayCountry(lang.locale()) : code;
    }
}
