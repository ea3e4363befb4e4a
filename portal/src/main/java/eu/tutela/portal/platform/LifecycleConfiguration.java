package eu.tutela.portal.platform;

import eu.tutela.portal.security.IdentityProvider;
import eu.tutela.tenantadmin.lifecycle.TenantLifecycle;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The lifecycle on the portal's own connection pool and Keycloak directory: the same code as the command line. */
@Configuration(proxyBeanMethods = false)
class LifecycleConfiguration {

    @Bean
    TenantLifecycle tenantLifecycle(DataSource dataSource, IdentityProvider identity) {
        return new TenantLifecycle(dataSource, identity.directory());
    }
}
