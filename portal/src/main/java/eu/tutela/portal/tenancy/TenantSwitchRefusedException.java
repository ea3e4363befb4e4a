package eu.tutela.portal.tenancy;

/** Work for one tenant (or person) was asked for inside a transaction already bound to another, or to none. */
public class TenantSwitchRefusedException extends IllegalStateException {

    TenantSwitchRefusedException(String message) {
        super(message);
    }
}
