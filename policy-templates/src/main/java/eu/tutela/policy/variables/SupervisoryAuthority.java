package eu.tutela.policy.variables;

import java.util.Map;
import java.util.Optional;

/**
 * The data-protection supervisory authority of a few countries, so that most tenants need not type it.
 * A tenant elsewhere gives {@code authority.name} and {@code authority.url} itself.
 */
public record SupervisoryAuthority(String name, String url) {

    private static final Map<String, SupervisoryAuthority> KNOWN = Map.of(
            "FR", new SupervisoryAuthority("Commission nationale de l’informatique et des libertés (CNIL)", "https://www.cnil.fr"),
            "BE", new SupervisoryAuthority("Autorité de protection des données (APD)", "https://www.autoriteprotectiondonnees.be"),
            "LU", new SupervisoryAuthority("Commission nationale pour la protection des données (CNPD)", "https://cnpd.public.lu"),
            "IE", new SupervisoryAuthority("Data Protection Commission", "https://www.dataprotection.ie"),
            "ES", new SupervisoryAuthority("Agencia Española de Protección de Datos (AEPD)", "https://www.aepd.es"),
            "IT", new SupervisoryAuthority("Garante per la protezione dei dati personali", "https://www.garanteprivacy.it"),
            "NL", new SupervisoryAuthority("Autoriteit Persoonsgegevens", "https://www.autoriteitpersoonsgegevens.nl"));

    public static Optional<SupervisoryAuthority> forCountry(String isoCode) {
        return Optional.ofNullable(KNOWN.get(isoCode));
    }
}
