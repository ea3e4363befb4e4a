package eu.tutela.portal.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "tenant")
class TenantEntity {

    @Id
    private UUID id;
    private String slug;
    private String name;
    private String country;
    @Column(name = "default_locale")
    private String defaultLocale;
    private String status;
    @Column(name = "created_at", insertable = false, updatable = false)
    private Instant createdAt;

    protected TenantEntity() {
    }

    Tenant toTenant() {
        return new Tenant(id, slug, name, country, defaultLocale);
    }

    boolean isActive() {
        return "ACTIVE".equals(status);
    }

    boolean isSuspended() {
        return "SUSPENDED".equals(status);
    }
}
