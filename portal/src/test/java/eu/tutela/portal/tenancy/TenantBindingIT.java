package eu.tutela.portal.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tenant is the transaction's, not the connection's: with a pool of one connection, every
 * transaction gets that same physical connection, and each still sees only its own tenant.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.hikari.maximum-pool-size=1", "tutela.demo.enabled=false", "tutela.embedded.manage-realm=false"})
@ActiveProfiles("test")
class TenantBindingIT {

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
    UUID member;

    @BeforeEach
    void twoTenantsWithOneMemberEach() {
        a = tenants.ensure("binding-a", "Binding A", "FR", "fr");
        b = tenants.ensure("binding-b", "Binding B", "BE", "en");
        member = users.register("member@binding.example", "Binding Member");
        UUID other = users.register("other@binding.example", "Binding Other");
        TenantContext.runAs(a.id(), () -> memberships.grant(member, TenantRole.STAFF));
        TenantContext.runAs(b.id(), () -> memberships.grant(other, TenantRole.DPO));
    }

    record Seen(int backendPid, List<UUID> tenantIds, String setting) {
    }

    @Test
    void oneConnectionReusedByTwoTenantsInTurnServesEachOnlyItsOwnRowsAndReturnsToThePoolWithNoTenant() throws SQLException {
        Seen asA = TenantContext.callAs(a.id(), this::seenInATransaction);
        Seen asB = TenantContext.callAs(b.id(), this::seenInATransaction);

        assertThat(asB.backendPid()).as("the same physical connection").isEqualTo(asA.backendPid());
        assertThat(asA.tenantIds()).isNotEmpty().containsOnly(a.id());
        assertThat(asB.tenantIds()).isNotEmpty().containsOnly(b.id());
        assertThat(asA.setting()).isEqualTo(a.id().toString());

        // Straight from the pool, as a pooler would hand it to the next client: no tenant left on it.
        try (Connection raw = dataSource.unwrap(HikariDataSource.class).getConnection();
                Statement sql = raw.createStatement();
                ResultSet row = sql.executeQuery("select pg_backend_pid(), coalesce(current_setting('tutela.tenant_id', true), '')")) {
            row.next();
            assertThat(row.getInt(1)).isEqualTo(asA.backendPid());
            assertThat(row.getString(2)).as("tenant setting left on the pooled connection").isEmpty();
        }
    }

    @Test
    void workForAnotherTenantInsideAnOpenTransactionIsRefusedAndWritesNothing() {
        UUID intruder = users.register("nested@binding.example", "Nested Call");
        assertThatThrownBy(() -> TenantContext.runAs(a.id(), () -> new TransactionTemplate(transactions).executeWithoutResult(
                status -> TenantContext.runAs(b.id(), () -> memberships.grant(intruder, TenantRole.ADMIN)))))
                .isInstanceOf(TenantSwitchRefusedException.class)
                .hasMessageContaining(b.id().toString());

        assertThat(TenantContext.callAs(b.id(), () -> memberships.rolesInCurrentTenant(intruder))).isEmpty();
        assertThat(TenantContext.callAs(a.id(), () -> memberships.rolesInCurrentTenant(intruder))).isEmpty();
    }

    @Test
    void workForTheSameTenantInsideItsOwnTransactionGoesOn() {
        Boolean granted = TenantContext.callAs(a.id(), () -> new TransactionTemplate(transactions).execute(status -> {
            TenantContext.runAs(a.id(), () -> memberships.grant(member, TenantRole.DPO));
            return memberships.rolesInCurrentTenant(member).contains(TenantRole.DPO);
        }));
        assertThat(granted).isTrue();
    }

    @Test
    void plainJdbcOutsideAnyTransactionSeesNoTenantsRowsEvenWithATenantSelected() {
        List<UUID> seen = TenantContext.callAs(a.id(), () -> {
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
        });
        assertThat(seen).isEmpty();
    }

    private Seen seenInATransaction() {
        return new TransactionTemplate(transactions).execute(status -> new Seen(
                jdbc.sql("select pg_backend_pid()").query(Integer.class).single(),
                jdbc.sql("select tenant_id from membership").query(UUID.class).list(),
                jdbc.sql("select current_setting('tutela.tenant_id', true)").query(String.class).single()));
    }
}
