package eu.tutela.portal.rights.ui;

import eu.tutela.portal.shell.TenantMenuEntry;
import eu.tutela.portal.tenancy.TenantRole;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RightsMenu {

    /** Anyone may ask to exercise their rights: families first, staff and administrators too. */
    @Bean
    TenantMenuEntry myRequestsMenuEntry() {
        return new TenantMenuEntry(6, "nav.myRequests", MyRequestsView.class, EnumSet.allOf(TenantRole.class));
    }

    @Bean
    TenantMenuEntry processingRecordsMenuEntry() {
        return new TenantMenuEntry(44, "nav.processingRecords", ProcessingRecordsView.class, Set.of(TenantRole.DPO, TenantRole.ADMIN));
    }

    @Bean
    TenantMenuEntry requestQueueMenuEntry() {
        return new TenantMenuEntry(43, "nav.requests", RequestQueueView.class, Set.of(TenantRole.DPO, TenantRole.ADMIN));
    }
}
