package eu.tutela.portal.tenancy;

import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Background work that goes through every active institution in turn (a recurring task of the job engine): each time
 * bound to the institution and in a transaction of its own, so that one failing does not hold the others back. The log
 * says how much each did, or why it failed, with no personal data.
 */
@Component
public class ActiveTenants {

    private static final Logger log = LoggerFactory.getLogger(ActiveTenants.class);

    private final TenantDirectory tenants;
    private final TransactionTemplate transactions;

    ActiveTenants(TenantDirectory tenants, TransactionTemplate transactions) {
        this.tenants = tenants;
        this.transactions = transactions;
    }

    /**
     * Runs {@code work} in each active institution.
     *
     * @param what what {@code work} counts, for the log ("deadline alerts")
     * @param work the work in the bound institution; returns how many {@code what} it did
     */
    public void each(String what, IntSupplier work) {
        for (Tenant tenant : tenants.active()) {
            try {
                int done = TenantContext.callAs(tenant.id(), () -> transactions.execute(status -> work.getAsInt()));
                if (done > 0) {
                    log.info("Tenant {}: {} {}", tenant.id(), done, what);
                }
            } catch (RuntimeException e) {
                log.warn("Tenant {}: {} not checked: {}", tenant.id(), what, e.getMessage());
            }
        }
    }
}
