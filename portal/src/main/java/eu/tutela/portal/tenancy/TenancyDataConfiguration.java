package eu.tutela.portal.tenancy;

import java.util.UUID;
import org.hibernate.cfg.MultiTenancySettings;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.AbstractEntityManagerFactoryBean;

@Configuration(proxyBeanMethods = false)
class TenancyDataConfiguration {

    /** Tenant-owned rows of no tenant: what Hibernate filters on when nothing is selected. */
    static final UUID NO_TENANT = new UUID(0, 0);

    /**
     * The entity manager factory's dialect is what Spring's JPA transaction manager begins every
     * transaction with; set before the factory initialises, so that its vendor adapter's plain
     * dialect is not taken instead.
     */
    @Bean
    static BeanPostProcessor tenantBindingDialect() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractEntityManagerFactoryBean factory) {
                    factory.setJpaDialect(new TenantBindingJpaDialect());
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
