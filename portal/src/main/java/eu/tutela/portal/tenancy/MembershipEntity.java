package eu.tutela.portal.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * The table's primary key is (tenant_id, id) so that the data can later be distributed by tenant;
 * Hibernate identifies the row by its globally unique id and fills tenant_id from the discriminator.
 */
@Entity
@Table(name = "membership")
class MembershipEntity {

    @Id
    private UUID id;
    @TenantId
    @Column(name = "tenant_id")
    private UUID tenantId;
    @Column(name = "user_id")
    private UUID userId;
    @Enumerated(EnumType.STRING)
    private TenantRole role;

    protected MembershipEntity() {
    }

    TenantRole role() {
        return role;
    }
}
