package eu.tutela.portal.policy.ui;

import com.vaadin.flow.component.Component;
import eu.tutela.portal.policy.PolicyAcceptances;
import eu.tutela.portal.shell.EntryRequirement;
import java.util.Optional;
import org.springframework.core.annotation.Order;

/** A member with a version to accept reads it before anything else of the institution (before any other requirement). */
@org.springframework.stereotype.Component
@Order(10)
class AcceptanceGate implements EntryRequirement {

    private final PolicyAcceptances acceptances;

    AcceptanceGate(PolicyAcceptances acceptances) {
        this.acceptances = acceptances;
    }

    @Override
    public Optional<Class<? extends Component>> pendingPage() {
        return acceptances.pending().map(pending -> PolicyAcceptanceView.class);
    }
}
