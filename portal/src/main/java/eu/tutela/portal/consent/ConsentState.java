package eu.tutela.portal.consent;

import java.util.List;
import java.util.UUID;

/**
 * Where a person's consent to one purpose stands: whether the purpose may process their data now, and the latest
 * decision of each person who gave one (newest first). {@code holders} are who may decide now: the person, or for a
 * minor the guardians holding parental responsibility.
 */
public record ConsentState(ConsentPurpose purpose, boolean allowed, List<ConsentDecision> latest, List<Holder> holders) {

    public ConsentState {
        latest = List.copyOf(latest);
        holders = List.copyOf(holders);
    }

    /** Someone who may decide for the person now. */
    public record Holder(UUID personId, String name, boolean self) {
    }
}
