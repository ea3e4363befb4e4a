package eu.tutela.portal.audit.ui;

import eu.tutela.portal.shell.TenantMenuEntry;
import eu.tutela.portal.tenancy.TenantRole;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditMenu {

    @Bean
    TenantMenuEntry auditMenuEntry() {
        return new TenantMenuEntry(90, "nav.audit", AuditTrailView.class, Set.of(TenantRole.ADMIN, TenantRole.DPO));
    }
}
