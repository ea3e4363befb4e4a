package eu.tutela.portal.people.ui;

import eu.tutela.portal.shell.TenantMenuEntry;
import eu.tutela.portal.tenancy.TenantRole;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PeopleMenu {

    @Bean
    TenantMenuEntry peopleMenuEntry() {
        return new TenantMenuEntry(25, "nav.people", PeopleView.class, Set.of(TenantRole.ADMIN, TenantRole.DPO, TenantRole.STAFF));
    }
}
