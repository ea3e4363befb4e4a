package eu.tutela.portal.shell;

import com.vaadin.flow.component.Component;
import eu.tutela.portal.tenancy.TenantRole;
import java.util.Set;

/**
 * A page of a tenant that the navigation offers to the roles named: a module declares one as a bean
 * for each of its tenant pages, so that the shell lists them without depending on the module.
 * The view's route is {@code t/:tenant/...}.
 */
public record TenantMenuEntry(int order, String labelKey, Class<? extends Component> view, Set<TenantRole> roles) {
}
