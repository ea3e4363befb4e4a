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
    TenantMenuEntry acceptanceMenuEntry() {
        return new TenantMenuEntry(32, "nav.acceptance", AcceptanceDashboardView.class, Set.of(TenantRole.ADMIN, TenantRole.DPO));
    }

    /** Everyone else reads the policy in force (and has accepted it, or is sent there first). */
    @Bean
    TenantMenuEntry policyReadingMenuEntry() {
        return new TenantMenuEntry(33, "nav.policyRead", PolicyAcceptanceView.class,
                Set.of(TenantRole.STAFF, TenantRole.GUARDIAN, TenantRole.STUDENT));
    }

    @Bean
    TenantMenuEntry policyHistoryMenuEntry() {
        return new TenantMenuEntry(31, "nav.policyHistory", PolicyHistoryView.class, Set.of(TenantRole.ADMIN, TenantRole.DPO));
    }
}
