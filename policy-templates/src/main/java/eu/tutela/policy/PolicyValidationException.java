package eu.tutela.policy;

import eu.tutela.policy.variables.Problem;

import java.util.List;
import java.util.stream.Collectors;

/** A values file that cannot be rendered, with every problem found. */
public class PolicyValidationException extends RuntimeException {

    private final List<Problem> problems;

    public PolicyValidationException(List<Problem> problems) {
        super(problems.stream().map(p -> p.message(Lang.EN)).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
