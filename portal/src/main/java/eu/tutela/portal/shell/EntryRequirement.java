package eu.tutela.portal.shell;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * Something a member must do in a tenant before any other page of it (read and accept a new privacy
 * policy…): a module declares one as a bean, and the navigation guard sends the member to its page,
 * whatever the URL asked for, until it is done. Asked within the tenant, as the member.
 */
public interface EntryRequirement {

    /** The page (a route {@code t/:tenant/...}) the member must go through now; empty when nothing is asked. */
    Optional<Class<? extends Component>> pendingPage();
}
