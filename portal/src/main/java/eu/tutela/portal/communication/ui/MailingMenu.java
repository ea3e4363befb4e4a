package eu.tutela.portal.communication.ui;

import eu.tutela.portal.shell.TenantMenuEntry;
import eu.tutela.portal.tenancy.TenantRole;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MailingMenu {

    @Bean
    TenantMenuEntry mailingsMenuEntry() {
        return new TenantMenuEntry(42, "nav.mailings", MailingsView.class, Set.of(TenantRole.ADMIN, TenantRole.DPO));
    }
}
