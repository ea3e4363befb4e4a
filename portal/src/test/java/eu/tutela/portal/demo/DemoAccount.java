package eu.tutela.portal.demo;

import eu.tutela.portal.tenancy.TenantRole;
import java.util.Map;

/** One demo person: their sign-in and what they are in which demo tenant. */
public record DemoAccount(String email, String firstName, String lastName, String locale,
        Map<String, TenantRole> rolesByTenantSlug, boolean platformOperator) {

    public String displayName() {
        return firstName + " " + lastName;
    }
}
