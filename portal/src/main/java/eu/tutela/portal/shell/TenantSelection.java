package eu.tutela.portal.shell;

import eu.tutela.portal.tenancy.Tenant;
import eu.tutela.portal.tenancy.TenantRole;
import java.util.Set;

/** The tenant a browser tab is in, and the roles the person holds there. Kept on the Vaadin UI. */
record TenantSelection(Tenant tenant, Set<TenantRole> roles) {
}
