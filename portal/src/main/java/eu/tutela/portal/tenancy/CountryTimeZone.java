package eu.tutela.portal.tenancy;

import java.time.ZoneId;
import java.util.Map;

/** The time zone of an EEA country's capital: a new institution's default, which its administrator may change. */
public final class CountryTimeZone {

    private static final Map<String, String> CAPITALS = Map.ofEntries(
            Map.entry("AT", "Europe/Vienna"), Map.entry("BE", "Europe/Brussels"), Map.entry("BG", "Europe/Sofia"),
            Map.entry("HR", "Europe/Zagreb"), Map.entry("CY", "Asia/Nicosia"), Map.entry("CZ", "Europe/Prague"),
            Map.entry("DK", "Europe/Copenhagen"), Map.entry("EE", "Europe/Tallinn"), Map.entry("FI", "Europe/Helsinki"),
            Map.entry("FR", "Europe/Paris"), Map.entry("DE", "Europe/Berlin"), Map.entry("GR", "Europe/Athens"),
            Map.entry("HU", "Europe/Budapest"), Map.entry("IE", "Europe/Dublin"), Map.entry("IT", "Europe/Rome"),
            Map.entry("LV", "Europe/Riga"), Map.entry("LT", "Europe/Vilnius"), Map.entry("LU", "Europe/Luxembourg"),
            Map.entry("MT", "Europe/Malta"), Map.entry("NL", "Europe/Amsterdam"), Map.entry("PL", "Europe/Warsaw"),
            Map.entry("PT", "Europe/Lisbon"), Map.entry("RO", "Europe/Bucharest"), Map.entry("SK", "Europe/Bratislava"),
            Map.entry("SI", "Europe/Ljubljana"), Map.entry("ES", "Europe/Madrid"), Map.entry("SE", "Europe/Stockholm"),
            Map.entry("IS", "Atlantic/Reykjavik"), Map.entry("LI", "Europe/Vaduz"), Map.entry("NO", "Europe/Oslo"));

    private CountryTimeZone() {
    }

    public static ZoneId of(String country) {
        return ZoneId.of(CAPITALS.getOrDefault(country, "Europe/Brussels"));
    }
}
