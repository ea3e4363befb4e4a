package eu.tutela.policy.catalogue;

import eu.tutela.policy.Lang;
import eu.tutela.policy.LawfulBasis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads and checks the {@code purposes} of one template.yaml (format: catalogue/README.md). The portal seeds
 * a tenant's purposes, and the consent it asks guardians for, from these: a wrong basis or a consent purpose
 * that starts on would be a GDPR breach in every tenant, so loading refuses them rather than the portal
 * finding out.
 */
final class PurposeLoader {

    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> KEYS = Set.of("id", "name", "description", "basis", "consent", "section", "default", "when");
    private static final String LETTERS = Arrays.stream(LawfulBasis.values()).map(LawfulBasis::letter).collect(Collectors.joining(", "));

    private final String file;
    private final String templateId;
    private final List<ClauseDefinition> clauses;
    private final List<SectionDefinition> sections;

    PurposeLoader(String file, String templateId, List<ClauseDefinition> clauses, List<SectionDefinition> sections) {
        this.file = file;
        this.templateId = templateId;
        this.clauses = clauses;
        this.sections = sections;
    }

    List<PurposeDefinition> read(List<Object> raw) {
        List<PurposeDefinition> purposes = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Object o : raw) {
            PurposeDefinition purpose = purpose(CatalogueLoader.asMap(o));
            if (!ids.add(purpose.id())) {
                throw error(purpose.id(), "duplicate id");
            }
            purposes.add(purpose);
        }
        return List.copyOf(purposes);
    }

    private PurposeDefinition purpose(Map<String, Object> p) {
        if (p.get("id") == null) {
            throw new CatalogueException(file + ": a purpose has no id: " + p);
        }
        String id = String.valueOf(p.get("id"));
        if (!KEBAB.matcher(id).matches()) {
            throw error(id, "the id must be kebab-case (lower-case words joined by '-')");
        }
        for (String key : p.keySet()) {
            if (!KEYS.contains(key)) {
                throw error(id, "unknown key '" + key + "' (known: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
        Map<Lang, String> name = words(p, "name", id);
        Map<Lang, String> description = words(p, "description", id);
        PurposeBasis basis = basis(p.get("basis"), id);
        boolean consent = consent(p.get("consent"), basis, id);
        boolean defaultOn = defaultOn(p, consent, id);
        String section = section(p.get("section"), id);
        String when = when(p.get("when"), id);
        return new PurposeDefinition(id, name, description, basis, consent, section, defaultOn, when);
    }

    private Map<Lang, String> words(Map<String, Object> p, String key, String id) {
        Map<Lang, String> out = new EnumMap<>(Lang.class);
        Map<?, ?> raw = p.get(key) instanceof Map<?, ?> m ? m : Map.of();
        for (Lang lang : Lang.values()) {
            Object text = raw.get(lang.code());
            if (text == null || String.valueOf(text).isBlank()) {
                throw error(id, "no " + key + " in " + lang.code());
            }
            out.put(lang, String.valueOf(text).strip());
        }
        return out;
    }

    private PurposeBasis basis(Object raw, String id) {
        if (raw == null) {
            throw error(id, "'basis' is missing");
        }
        if (!(raw instanceof Map<?, ?> byOption)) {
            return new PurposeBasis.Fixed(letter(raw, id));
        }
        if (byOption.get("clause") == null) {
            throw error(id, "a basis by option needs 'clause', the alternative clause it depends on");
        }
        String clauseId = String.valueOf(byOption.get("clause"));
        ClauseDefinition clause = clause(clauseId)
                .orElseThrow(() -> error(id, "basis depends on unknown clause " + clauseId));
        if (clause.kind() != ClauseDefinition.Kind.ALTERNATIVE) {
            throw error(id, "basis depends on clause " + clauseId + ", which is not an alternative");
        }
        Map<String, LawfulBasis> letters = new LinkedHashMap<>();
        byOption.forEach((k, v) -> {
            String option = String.valueOf(k);
            if (!option.equals("clause")) {
                if (!clause.options().contains(option)) {
                    throw error(id, "clause " + clauseId + " has no option " + option);
                }
                letters.put(option, letter(v, id));
            }
        });
        for (String option : clause.options()) {
            if (!letters.containsKey(option)) {
                throw error(id, "basis gives no letter for option " + option + " of clause " + clauseId);
            }
        }
        return new PurposeBasis.ByClause(clauseId, letters);
    }

    private LawfulBasis letter(Object raw, String id) {
        return LawfulBasis.ofLetter(raw instanceof String s ? s : null)
                .orElseThrow(() -> error(id, "basis '" + raw + "' is not one of " + LETTERS + " (GDPR Art. 6(1))"));
    }

    /** Consent may not hang on a clause: the portal asks for it, or not, whatever the tenant's wording. */
    private boolean consent(Object raw, PurposeBasis basis, String id) {
        if (!(raw instanceof Boolean consent)) {
            throw error(id, "'consent' must be true or false");
        }
        List<LawfulBasis> letters = switch (basis) {
            case PurposeBasis.Fixed f -> List.of(f.basis());
            case PurposeBasis.ByClause c -> List.copyOf(c.byOption().values());
        };
        for (LawfulBasis letter : letters) {
            if (letter.isConsent() != consent) {
                throw error(id, "consent is " + consent + " but the basis is " + letter.article()
                        + ": a purpose needs consent exactly when its basis is 6(1)(a)");
            }
        }
        return consent;
    }

    /**
     * Consent must be an opt-in (GDPR Art. 4(11), 7 and Recital 32: silence or a pre-ticked box is no consent),
     * so a consent purpose starts off. Any other purpose does not wait for anyone's agreement: it is on.
     */
    private boolean defaultOn(Map<String, Object> p, boolean consent, String id) {
        if (!p.containsKey("default")) {
            return !consent;
        }
        Object raw = p.get("default");
        boolean on = switch (raw) {
            case Boolean b -> b;
            case String s when s.equals(ClauseDefinition.ON) -> true;
            case String s when s.equals(ClauseDefinition.OFF) -> false;
            case null, default -> throw error(id, "default must be on or off, not " + raw);
        };
        if (consent && on) {
            throw error(id, "a consent purpose must default to off (consent is opt-in, GDPR Art. 7 and Recital 32)");
        }
        if (!consent && !on) {
            throw error(id, "only a consent purpose can default to off; this one's basis does not depend on anyone agreeing");
        }
        return on;
    }

    private String section(Object raw, String id) {
        if (raw == null) {
            throw error(id, "'section' is missing");
        }
        String section = String.valueOf(raw);
        if (sections.stream().noneMatch(s -> s.id().equals(section))) {
            throw error(id, "unknown section " + section + " (sections of " + templateId + ": "
                    + String.join(", ", sections.stream().map(SectionDefinition::id).toList()) + ")");
        }
        return section;
    }

    private String when(Object raw, String id) {
        if (raw == null) {
            return null;
        }
        String clauseId = String.valueOf(raw);
        ClauseDefinition clause = clause(clauseId).orElseThrow(() -> error(id, "when on unknown clause " + clauseId));
        if (clause.kind() != ClauseDefinition.Kind.OPTIONAL) {
            throw error(id, "when must name an optional clause; " + clauseId + " is an alternative");
        }
        return clauseId;
    }

    private Optional<ClauseDefinition> clause(String clauseId) {
        return clauses.stream().filter(c -> c.id().equals(clauseId)).findFirst();
    }

    private CatalogueException error(String id, String message) {
        return new CatalogueException(file + " purpose " + id + ": " + message);
    }
}
