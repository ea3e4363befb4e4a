package eu.tutela.portal.consent;

import eu.tutela.portal.policy.PolicyPublished;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A published version brings its purposes with it, in the publication's own transaction: the purposes never say
 * something the active policy does not.
 */
@Component
class PurposesFromPolicy {

    private final ConsentPurposes purposes;

    PurposesFromPolicy(ConsentPurposes purposes) {
        this.purposes = purposes;
    }

    @EventListener
    void on(PolicyPublished published) {
        purposes.takeFrom(published.number());
    }
}
