package eu.tutela.portal.administration.ui;

import eu.tutela.portal.shell.TenantMenuEntry;
import eu.tutela.portal.tenancy.TenantRole;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AdministrationMenu {

    @Bean
    TenantMenuEntry settingsMenuEntry() {
        return new TenantMenuEntry(10, "nav.settings", SettingsView.class, Set.of(TenantRole.ADMIN));
    }

    @Bean
    TenantMenuEntry membersMenuEntry() {
        return new TenantMenuEntry(20, "nav.members", MembersView.class, Set.of(TenantRole.ADMIN));
    }
}
