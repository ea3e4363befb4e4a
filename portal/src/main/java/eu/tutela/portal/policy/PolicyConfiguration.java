package eu.tutela.portal.policy;

import eu.tutela.policy.PolicyTemplates;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

    /** The catalogue is loaded and checked once; the library is thread-safe. */
    @Bean
    PolicyTemplates policyTemplates() {
        return PolicyTemplates.load();
    }
}
