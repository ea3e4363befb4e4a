package eu.tutela.portal.tenancy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tenants known to the platform. The tenant table itself is not tenant-owned. */
@Service
public class TenantDirectory {

    private final TenantRepository tenants;

    TenantDirectory(TenantRepository tenants) {
        this.tenants = tenants;
    }

    @Transactional(readOnly = true)
    public Optional<Tenant> findActiveBySlug(String slug) {
        return tenants.findBySlug(slug).filter(TenantEntity::isActive).map(TenantEntity::toTenant);
    }

    @Transactional(readOnly = true)
    public List<Tenant> all() {
        return tenants.findAll().stream().map(TenantEntity::toTenant).toList();
    }

    /** Registers a tenant, or returns the one that already has this slug. */
    @Transactional
    public Tenant ensure(String slug, String name, String country, String defaultLocale) {
        return tenants.findBySlug(slug)
                .orElseGet(() -> tenants.save(new TenantEntity(UUID.randomUUID(), slug, name, country, defaultLocale)))
                .toTenant();
    }
}
