package eu.tutela.portal.policy.ui;

import eu.tutela.portal.shell.TenantMenuEntry;
import eu.tutela.portal.tenancy.TenantRole;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PolicyMenu {

    @Bean
    TenantMenuEntry policyEditorMenuEntry() {
        return new TenantMenuEntry(30, "nav.policy", PolicyEditorView.class, Set.of(TenantRole.ADMIN, TenantRole.DPO));
    }

    @Bean
    TenantMenuEntry policyHistoryMenuEntry() {
        return new TenantMenuEntry(31, "nav.policyHistory", PolicyHistoryView.class, Set.of(TenantRole.ADMIN, TenantRole.DPO));
    }
}
