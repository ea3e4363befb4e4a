package eu.tutela.tenantadmin.provisioning;

import java.util.List;

/** The values for a tenant are not valid; {@link #problems()} lists each problem, naming its field. */
public class InvalidTenantSpecException extends IllegalArgumentException {

    private final List<String> problems;

    public InvalidTenantSpecException(List<String> problems) {
        super("Invalid tenant: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
