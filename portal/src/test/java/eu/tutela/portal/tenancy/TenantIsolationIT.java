package eu.tutela.portal.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.tutela.portal.security.PortalUser;
import eu.tutela.portal.security.PortalUsers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Row-level security and Hibernate's discriminator against the real PostgreSQL, as the application connects. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TenantIsolationIT {

    @Autowired
    DataSource dataSource;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    Memberships memberships;
    @Autowired
    PortalUsers users;

    Tenant a;
    Tenant b;
    PortalUser onlyInB;

    @BeforeEach
    void twoTenantsWithMembers() {
        a = tenants.ensure("isolation-a", "Isolation A", "FR", "fr");
        b = tenants.ensure("isolation-b", "Isolation B", "BE", "en");
        PortalUser inA = users.ensure("member-a@isolation.example", "Member A", false);
        onlyInB = users.ensure("member-b@isolation.example", "Member B", false);
        TenantContext.runAs(a.id(), () -> memberships.grant(inA.id(), TenantRole.STAFF));
        TenantContext.runAs(b.id(), () -> memberships.grant(onlyInB.id(), TenantRole.ADMIN));
        TenantContext.runAs(b.id(), () -> memberships.grant(onlyInB.id(), TenantRole.DPO));
    }

    @Test
    void plainJdbcWithTenantASetSeesNoneOfTenantBsRowsEvenWithoutWhereClause() throws SQLException {
        List<UUID> seen = TenantContext.callAs(a.id(), () -> tenantIdsOfAllMemberships());
        assertThat(seen).isNotEmpty().containsOnly(a.id()).doesNotContain(b.id());

        List<UUID> seenFromB = TenantContext.callAs(b.id(), () -> tenantIdsOfAllMemberships());
        assertThat(seenFromB).hasSize(2).containsOnly(b.id());
    }

    @Test
    void withNoTenantSelectedAQueryReturnsNothingRatherThanEveryTenantsRows() {
        assertThat(tenantIdsOfAllMemberships()).isEmpty();
    }

    @Test
    void theApplicationRoleCanNeitherBypassNorOwnThePolicies() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                ResultSet role = sql.executeQuery("""
                        select r.rolsuper, r.rolbypassrls, t.tableowner = current_user as owns
                          from pg_roles r, pg_tables t
                         where r.rolname = current_user and t.tablename = 'membership'""")) {
            assertThat(role.next()).isTrue();
            assertThat(role.getBoolean("rolsuper")).as("superuser").isFalse();
            assertThat(role.getBoolean("rolbypassrls")).as("bypasses RLS").isFalse();
            assertThat(role.getBoolean("owns")).as("owns the table").isFalse();
        }
    }

    @Test
    void writingARowForAnotherTenantIsRefusedByTheDatabase() {
        assertThatThrownBy(() -> TenantContext.runAs(a.id(), () -> {
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                sql.executeUpdate("insert into membership (tenant_id, id, user_id, role) values ('" + b.id() + "', '"
                        + UUID.randomUUID() + "', '" + onlyInB.id() + "', 'STAFF')");
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        })).hasMessageContaining("row-level security");
    }

    @Test
    void hibernateFindsNoRoleForAUserWhoseMembershipsAreInAnotherTenant() {
        assertThat(TenantContext.callAs(a.id(), () -> memberships.rolesInCurrentTenant(onlyInB.id()))).isEmpty();
        assertThat(TenantContext.callAs(b.id(), () -> memberships.rolesInCurrentTenant(onlyInB.id())))
                .containsExactlyInAnyOrder(TenantRole.ADMIN, TenantRole.DPO);
    }

    @Test
    void theSwitcherListsOnePersonsMembershipsAcrossTenantsAndNobodyElses() {
        List<TenantMembership> mine = memberships.of(onlyInB.id());
        assertThat(mine).extracting(TenantMembership::tenantSlug).containsOnly("isolation-b");
        assertThat(mine).extracting(TenantMembership::role).containsExactlyInAnyOrder(TenantRole.ADMIN, TenantRole.DPO);
    }

    private List<UUID> tenantIdsOfAllMemberships() {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("select tenant_id from membership")) {
            List<UUID> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
