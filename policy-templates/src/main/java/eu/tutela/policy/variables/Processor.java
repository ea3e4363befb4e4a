package eu.tutela.policy.variables;

import java.util.Optional;

/** A named processor or recipient, as a tenant lists it. */
public record Processor(String name, RecipientCategory category, String country, Optional<TransferSafeguard> safeguard) {

    public boolean outsideEea() {
        return !Countries.isEea(country);
    }
}
