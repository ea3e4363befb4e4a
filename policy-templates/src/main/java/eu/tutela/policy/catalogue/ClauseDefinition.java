package eu.tutela.policy.catalogue;

import eu.tutela.policy.Lang;

import java.util.List;
import java.util.Map;

/**
 * A choice a tenant makes about the wording. An OPTIONAL clause is switched on or off
 * ({@code defaultOption} is "on" or "off"); an ALTERNATIVE clause picks one of {@code options}.
 */
public record ClauseDefinition(String id, Kind kind, List<String> options, String defaultOption, Map<Lang, String> label) {

    public enum Kind { OPTIONAL, ALTERNATIVE }

    public static final String ON = "on";
    public static final String OFF = "off";

    public String label(Lang lang) {
        return label.getOrDefault(lang, id);
    }
}
