package eu.tutela.policy.variables;

import eu.tutela.policy.catalogue.CatalogueException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The data-protection supervisory authority of a few countries, so that most tenants need not type it.
 * A tenant elsewhere gives {@code authority.name} and {@code authority.url} itself. The list is the
 * catalogue's {@code authorities.yaml}, read once.
 */
public record SupervisoryAuthority(String name, String url) {

    static final String RESOURCE = "eu/tutela/policy/catalogue/authorities.yaml";

    public static Optional<SupervisoryAuthority> forCountry(String isoCode) {
        return Optional.ofNullable(Known.BY_COUNTRY.get(isoCode));
    }

    /** Every country with a known authority; loading it checks authorities.yaml. */
    public static Map<String, SupervisoryAuthority> all() {
        return Known.BY_COUNTRY;
    }

    private static final class Known {
        static final Map<String, SupervisoryAuthority> BY_COUNTRY = load();
    }

    private static Map<String, SupervisoryAuthority> load() {
        Object root;
        try (InputStream in = SupervisoryAuthority.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new CatalogueException("Missing catalogue file " + RESOURCE);
            }
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CatalogueException("Cannot read " + RESOURCE + ": " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> entries)) {
            throw new CatalogueException("authorities.yaml: expected a mapping of country codes");
        }
        Map<String, SupervisoryAuthority> known = new HashMap<>();
        entries.forEach((country, entry) -> {
            String code = String.valueOf(country);
            if (!Countries.isIso(code)) {
                throw new CatalogueException("authorities.yaml: " + code + " is not an ISO 3166-1 alpha-2 country code");
            }
            if (!(entry instanceof Map<?, ?> fields) || blank(fields.get("name")) || blank(fields.get("url"))) {
                throw new CatalogueException("authorities.yaml: " + code + " needs a name and a url");
            }
            known.put(code, new SupervisoryAuthority(String.valueOf(fields.get("name")), String.valueOf(fields.get("url"))));
        });
        return Map.copyOf(known);
    }

    private static boolean blank(Object value) {
        return value == null || String.valueOf(value).isBlank();
    }
}
