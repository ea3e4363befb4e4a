package eu.tutela.portal.consent.ui;

import eu.tutela.portal.shell.TenantMenuEntry;
import eu.tutela.portal.tenancy.TenantRole;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ConsentMenu {

    @Bean
    TenantMenuEntry purposesMenuEntry() {
        return new TenantMenuEntry(40, "nav.purposes", PurposesView.class, Set.of(TenantRole.ADMIN, TenantRole.DPO));
    }

    /** A guardian's or student's own page: first in their menu and on their dashboard. */
    @Bean
    TenantMenuEntry myPrivacyMenuEntry() {
        return new TenantMenuEntry(5, "nav.myPrivacy", MyPrivacyView.class, Set.of(TenantRole.GUARDIAN, TenantRole.STUDENT));
    }

    @Bean
    TenantMenuEntry consentsByClassMenuEntry() {
        return new TenantMenuEntry(41, "nav.consentsByClass", ConsentsByClassView.class, Set.of(TenantRole.ADMIN, TenantRole.DPO, TenantRole.STAFF));
    }
}
