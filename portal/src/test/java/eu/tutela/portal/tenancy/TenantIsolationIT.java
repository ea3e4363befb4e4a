package eu.tutela.portal.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.tutela.portal.security.PortalUsers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Row-level security and Hibernate's discriminator against the real PostgreSQL, as the application connects. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TenantIsolationIT {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    Memberships memberships;
    @Autowired
    PortalUsers users;

    Tenant a;
    Tenant b;
    UUID onlyInB;

    @BeforeEach
    void twoTenantsWithMembers() {
        a = tenants.ensure("isolation-a", "Isolation A", "FR", "fr");
        b = tenants.ensure("isolation-b", "Isolation B", "BE", "en");
        UUID inA = users.register("member-a@isolation.example", "Member A");
        onlyInB = users.register("member-b@isolation.example", "Member B");
        TenantContext.runAs(a.id(), () -> memberships.grant(inA, TenantRole.STAFF));
        TenantContext.runAs(b.id(), () -> memberships.grant(onlyInB, TenantRole.ADMIN));
        TenantContext.runAs(b.id(), () -> memberships.grant(onlyInB, TenantRole.DPO));
    }

    @Test
    void aQueryWithoutWhereClauseInATransactionForTenantASeesNoneOfTenantBsRows() {
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
        assertThatThrownBy(() -> TenantContext.runAs(a.id(), () -> new TransactionTemplate(transactions).executeWithoutResult(
                status -> jdbc.sql("insert into membership (tenant_id, id, user_id, role) values (?, ?, ?, 'STAFF')")
                        .params(b.id(), UUID.randomUUID(), onlyInB).update())))
                .rootCause().hasMessageContaining("row-level security");
    }

    @Test
    void hibernateFindsNoRoleForAUserWhoseMembershipsAreInAnotherTenant() {
        assertThat(TenantContext.callAs(a.id(), () -> memberships.rolesInCurrentTenant(onlyInB))).isEmpty();
        assertThat(TenantContext.callAs(b.id(), () -> memberships.rolesInCurrentTenant(onlyInB)))
                .containsExactlyInAnyOrder(TenantRole.ADMIN, TenantRole.DPO);
    }

    @Test
    void theSwitcherListsOnePersonsMembershipsAcrossTenantsAndNobodyElses() {
        List<TenantMembership> mine = ActingPerson.callAs(onlyInB, () -> memberships.of(onlyInB));
        assertThat(mine).extracting(TenantMembership::tenantSlug).containsOnly("isolation-b");
        assertThat(mine).extracting(TenantMembership::role).containsExactlyInAnyOrder(TenantRole.ADMIN, TenantRole.DPO);
    }

    private List<UUID> tenantIdsOfAllMemberships() {
        return new TransactionTemplate(transactions).execute(status ->
                jdbc.sql("select tenant_id from membership").query(UUID.class).list());
    }

    @Test
    void theSwitcherAnswersNothingAboutAnotherPersonNorWithNobodySignedIn() {
        UUID someoneElse = users.register("asker@isolation.example", "Curious Asker");
        assertThat(ActingPerson.callAs(someoneElse, () -> memberships.of(onlyInB))).isEmpty();
        assertThat(memberships.of(onlyInB)).isEmpty();
    }
}
