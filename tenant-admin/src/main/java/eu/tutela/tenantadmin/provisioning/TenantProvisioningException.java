package eu.tutela.tenantadmin.provisioning;

/** Provisioning failed; what was made before the failure has been undone (the message says so, or says what was not). */
public class TenantProvisioningException extends RuntimeException {

    public TenantProvisioningException(String message, Throwable cause) {
        super(message, cause);
    }
}
