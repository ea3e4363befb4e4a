package eu.tutela.portal.tenancy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tenants known to the platform. The tenant table itself is not tenant-owned. */
@Service
public class TenantDirectory {

    private final TenantRepository tenants;
    private final JdbcClient jdbc;

    TenantDirectory(TenantRepository tenants, JdbcClient jdbc) {
        this.tenants = tenants;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Optional<Tenant> findActiveBySlug(String slug) {
        return tenants.findBySlug(slug).filter(TenantEntity::isActive).map(TenantEntity::toTenant);
    }

    @Transactional(readOnly = true)
    public Optional<Tenant> findActive(UUID id) {
        return tenants.findById(id).filter(TenantEntity::isActive).map(TenantEntity::toTenant);
    }

    /** The active tenants, for background work that goes through each (one query). */
    @PreAuthorize("@caller.isSystemWorkOrPlatformOperator()")
    @Transactional(readOnly = true)
    public List<Tenant> active() {
        return tenants.findAll().stream().filter(TenantEntity::isActive).map(TenantEntity::toTenant).toList();
    }

    /** A suspended tenant by its slug: to tell its members why they cannot enter (and nobody else). */
    @Transactional(readOnly = true)
    public Optional<Tenant> findSuspendedBySlug(String slug) {
        return tenants.findBySlug(slug).filter(TenantEntity::isSuspended).map(TenantEntity::toTenant);
    }

    /**
     * Whether the tenant exists and is suspended: its work waits, its pages say it is unavailable. Anyone may ask
     * (background work, public pages); the answer reveals nothing to a caller who does not hold the id already.
     */
    @Transactional(readOnly = true)
    public boolean isSuspended(UUID id) {
        return jdbc.sql("select exists (select 1 from tenant where id = ? and status = 'SUSPENDED')").param(id)
                .query(Boolean.class).single();
    }

    /** Every institution on the platform: the platform operator's view, refused to anyone else. */
    @PreAuthorize("@caller.isPlatformOperator()")
    @Transactional(readOnly = true)
    public List<Tenant> all() {
        return tenants.findAll().stream().map(TenantEntity::toTenant).toList();
    }

    /** Registers a tenant, or returns the one that already has this slug (even if registered concurrently). */
    @PreAuthorize("@caller.isSystemWorkOrPlatformOperator()")
    @Transactional
    public Tenant ensure(String slug, String name, String country, String defaultLocale) {
        jdbc.sql("insert into tenant (id, slug, name, country, default_locale, time_zone, languages) "
                        + "values (?, ?, ?, ?, ?, ?, ?::text[]) on conflict (slug) do nothing")
                .params(UUID.randomUUID(), slug, name, country, defaultLocale, CountryTimeZone.of(country).getId(),
                        "fr".equals(defaultLocale) ? "{fr,en}" : "{en,fr}")
                .update();
        return tenants.findBySlug(slug).orElseThrow().toTenant();
    }
}
