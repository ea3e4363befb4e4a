package eu.tutela.portal.tenancy;

import java.util.UUID;
import javax.sql.DataSource;
import org.hibernate.cfg.MultiTenancySettings;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TenancyDataConfiguration {

    /** Tenant-owned rows of no tenant: what Hibernate filters on when nothing is selected. */
    static final UUID NO_TENANT = new UUID(0, 0);

    @Bean
    static BeanPostProcessor tenantBoundDataSourcePostProcessor() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                // Flyway migrates through its own owner connection; only the application's pool is wrapped.
                if (bean instanceof DataSource dataSource && "dataSource".equals(beanName)
                        && !(bean instanceof TenantBoundDataSource)) {
                    return new TenantBoundDataSource(dataSource);
                }
                return bean;
            }
        };
    }

    @Bean
    HibernatePropertiesCustomizer tenantDiscriminator() {
        CurrentTenantIdentifierResolver<UUID> resolver = new CurrentTenantIdentifierResolver<>() {
            @Override
            public UUID resolveCurrentTenantIdentifier() {
                return TenantContext.current().orElse(NO_TENANT);
            }

            @Override
            public boolean validateExistingCurrentSessions() {
                return false;
            }

            @Override
            public boolean isRoot(UUID tenantId) {
                return false;
            }
        };
        return properties -> properties.put(MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER, resolver);
    }
}
