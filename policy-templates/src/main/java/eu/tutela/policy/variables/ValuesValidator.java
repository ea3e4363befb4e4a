package eu.tutela.policy.variables;

import eu.tutela.policy.Lang;
import eu.tutela.policy.catalogue.ClauseDefinition;
import eu.tutela.policy.catalogue.PolicyTemplate;
import eu.tutela.policy.catalogue.VariableDefinition;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lists every problem of a values file against its template, never stopping at the first one, so
 * that an editor or the command line can show them all at once.
 */
public final class ValuesValidator {

    private static final Map<Lang, String> VERSION = Problem.label("label.version");
    private static final Map<Lang, String> DATE = Problem.label("label.date");

    private ValuesValidator() {
    }

    public static List<Problem> validate(PolicyTemplate template, PolicyValues values) {
        List<Problem> problems = new ArrayList<>();
        if (blank(values.version())) {
            problems.add(Problem.of("version", VERSION, "value.missing"));
        } else if (ValueChecks.containsMarkup(values.version())) {
            problems.add(Problem.of("version", VERSION, "value.markup"));
        }
        if (blank(values.date())) {
            problems.add(Problem.of("date", DATE, "value.missing"));
        } else {
            try {
                LocalDate.parse(values.date().trim());
            } catch (DateTimeParseException e) {
                problems.add(Problem.of("date", DATE, "value.date", values.date()));
            }
        }
        for (String name : values.values().keySet()) {
            if (template.variable(name).isEmpty()) {
                problems.add(Problem.of(name, Map.of(), "value.unknown", template.id()));
            }
        }
        for (VariableDefinition def : template.variables()) {
            Object raw = values.values().get(def.name());
            if (isEmpty(raw)) {
                if (def.required()) {
                    problems.add(Problem.of(def.name(), def.label(), "value.missing"));
                }
            } else {
                problems.addAll(ValueChecks.check(def, raw));
            }
        }
        checkDerivedDefaults(template, values, problems);
        problems.addAll(validateClauses(template, values));
        for (Map.Entry<String, String> free : values.freeText().entrySet()) {
            if (template.section(free.getKey()).isEmpty()) {
                problems.add(Problem.of(free.getKey(), Map.of(), "freetext.section", template.id()));
            } else if (ValueChecks.containsMarkup(free.getValue())) {
                problems.add(Problem.of(free.getKey(), Map.of(), "freetext.markup"));
            }
        }
        return List.copyOf(problems);
    }

    /** The problems of the clause choices alone: all that matters to what depends on clauses only (the purposes). */
    public static List<Problem> validateClauses(PolicyTemplate template, PolicyValues values) {
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<String, String> choice : values.clauses().entrySet()) {
            var clause = template.clause(choice.getKey());
            if (clause.isEmpty()) {
                problems.add(Problem.of(choice.getKey(), Map.of(), "clause.unknown", template.id()));
            } else if (!clause.get().options().contains(choice.getValue())) {
                problems.add(Problem.of(choice.getKey(), clause.get().label(), "clause.option", choice.getValue(),
                        String.join(", ", clause.get().options())));
            }
        }
        return problems;
    }

    /** The supervisory authority defaults from the country; elsewhere the tenant must name it. */
    private static void checkDerivedDefaults(PolicyTemplate template, PolicyValues values, List<Problem> problems) {
        Object country = values.values().get("controller.country");
        if (country instanceof String c && Countries.isIso(c) && SupervisoryAuthority.forCountry(c).isEmpty()) {
            for (String name : List.of("authority.name", "authority.url")) {
                if (isEmpty(values.values().get(name))) {
                    template.variable(name).ifPresent(def -> problems.add(Problem.of(name, def.label(), "authority.unknown", c)));
                }
            }
        }
        Object override = values.values().get("consent.age.override");
        if (override instanceof String s && s.trim().matches("\\d{1,3}")) {
            int age = Integer.parseInt(s.trim());
            if (age < DigitalConsentAge.LOWEST_ALLOWED || age > DigitalConsentAge.GDPR_DEFAULT) {
                template.variable("consent.age.override").ifPresent(def ->
                        problems.add(Problem.of(def.name(), def.label(), "consent.ageRange", s.trim())));
            }
        }
        for (ClauseDefinition clause : template.clauses()) {
            assert clause.options().contains(clause.defaultOption()) : clause.id();
        }
    }

    static boolean isEmpty(Object raw) {
        return raw == null || (raw instanceof String s && s.isBlank()) || (raw instanceof List<?> l && l.isEmpty());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
