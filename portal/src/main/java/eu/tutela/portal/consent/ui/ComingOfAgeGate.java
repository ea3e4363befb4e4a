package eu.tutela.portal.consent.ui;

import com.vaadin.flow.component.Component;
import eu.tutela.portal.consent.FamilyConsents;
import eu.tutela.portal.shell.EntryRequirement;
import java.util.Optional;
import org.springframework.core.annotation.Order;

/**
 * A student who came of age is asked at their next sign-in: "My privacy" comes before any other page until they have
 * answered for themself (after the policy, which comes first).
 */
@org.springframework.stereotype.Component
@Order(20)
class ComingOfAgeGate implements EntryRequirement {

    private final FamilyConsents family;

    ComingOfAgeGate(FamilyConsents family) {
        this.family = family;
    }

    @Override
    public Optional<Class<? extends Component>> pendingPage() {
        return family.ownAnswerAwaited() ? Optional.of(MyPrivacyView.class) : Optional.empty();
    }
}
