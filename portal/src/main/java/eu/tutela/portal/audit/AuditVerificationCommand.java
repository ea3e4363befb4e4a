package eu.tutela.portal.audit;

import eu.tutela.portal.tenancy.Tenant;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantDirectory;
import java.io.PrintStream;
import java.util.Arrays;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The verification as a command, for operators and scripts:
 * {@code java -jar portal.jar --spring.main.web-application-type=none --tutela.audit.verify=hemi,horizon}
 * prints one line per tenant and exits with 0 when every chain is intact, 1 when one is broken, 2 for
 * an unknown tenant. Without the option, the portal starts as usual.
 */
@Component
class AuditVerificationCommand implements ApplicationRunner {

    static final String OPTION = "tutela.audit.verify";

    private final AuditTrail trail;
    private final TenantDirectory tenants;
    private final ConfigurableApplicationContext context;

    AuditVerificationCommand(AuditTrail trail, TenantDirectory tenants, ConfigurableApplicationContext context) {
        this.trail = trail;
        this.tenants = tenants;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (!arguments.containsOption(OPTION)) {
            return;
        }
        int status = verify(String.join(",", arguments.getOptionValues(OPTION)), System.out);
        System.exit(SpringApplication.exit(context, () -> status));
    }

    /** Verifies each named tenant's chain; the exit status. */
    int verify(String slugs, PrintStream out) {
        int status = 0;
        for (String slug : Arrays.stream(slugs.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            Tenant tenant = tenants.findActiveBySlug(slug).orElse(null);
            if (tenant == null) {
                out.println("AUDIT " + slug + " UNKNOWN tenant");
                status = Math.max(status, 2);
                continue;
            }
            ChainVerification result = TenantContext.callAs(tenant.id(), trail::verify);
            if (result.intact()) {
                out.println("AUDIT " + slug + " INTACT " + result.checked() + " entries");
            } else {
                out.println("AUDIT " + slug + " BROKEN at entry " + result.firstBrokenSeq() + " (" + result.reason() + ")");
                status = Math.max(status, 1);
            }
        }
        return status;
    }
}
