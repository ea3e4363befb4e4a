package eu.tutela.portal.platform.ui;

import com.vaadin.flow.component.Component;
import eu.tutela.portal.tenancy.InvalidInputException;
import eu.tutela.tenantadmin.lifecycle.LifecycleException;
import eu.tutela.tenantadmin.lifecycle.SpecProblem;
import java.util.LinkedHashMap;
import java.util.Map;

/** The lifecycle's refusals in the operator's language: each problem on its field, each reason as a sentence. */
final class LifecycleMessages {

    private LifecycleMessages() {
    }

    /** The problems of an INVALID refusal, as field → message key, for {@code FieldErrors}. */
    static InvalidInputException asFieldErrors(LifecycleException refusal) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (SpecProblem problem : refusal.problems()) {
            problems.putIfAbsent(problem.field(), "platform.problem." + problem.code());
        }
        return new InvalidInputException(problems);
    }

    /** The sentence for a refusal that is not about one field (a duplicate slug, Keycloak away…). */
    static String sentence(Component view, LifecycleException refusal, String slug) {
        return view.getTranslation("platform.error." + refusal.reason().name(), slug);
    }
}
