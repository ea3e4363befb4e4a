package eu.tutela.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.tutela.portal.tenancy.Memberships;
import eu.tutela.portal.tenancy.Tenant;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantDirectory;
import eu.tutela.portal.tenancy.TenantRole;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/**
 * The authorization API every module uses, against the real database: each answer is read at the
 * time of the call, so a revoked membership or a suspended tenant is refused at the next request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CallerIT {

    @Autowired
    Caller caller;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    Memberships memberships;
    @Autowired
    PortalUsers users;
    @Autowired
    JdbcClient jdbc;

    Tenant school;
    Tenant otherSchool;
    UUID admin;

    @BeforeEach
    void anAdministratorSignedIn() {
        school = tenants.ensure("caller-school", "Caller School", "FR", "fr");
        otherSchool = tenants.ensure("caller-other", "Caller Other School", "FR", "fr");
        admin = users.register("admin@caller-school.example", "Ada Admin");
        TenantContext.runAs(school.id(), () -> memberships.grant(admin, TenantRole.ADMIN));
        signIn(admin, List.of("caller-school", "caller-other"));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
        jdbc.sql("select set_tenant_status(?, 'ACTIVE')").param(school.id()).query().singleRow();
    }

    @Test
    void theCallerIsKnownWithTenantPersonAndRolesAndRefusedARoleTheyDoNotHold() {
        CurrentMembership membership = TenantContext.callAs(school.id(), () -> caller.require(TenantRole.ADMIN));
        assertThat(membership.tenant().slug()).isEqualTo("caller-school");
        assertThat(membership.personId()).isEqualTo(admin);
        assertThat(membership.roles()).containsExactly(TenantRole.ADMIN);

        assertThatThrownBy(() -> TenantContext.callAs(school.id(), () -> caller.require(TenantRole.DPO)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anotherTenantsIdGetsNothingEvenWhenTheTokenNamesIt() {
        assertThat(TenantContext.callAs(otherSchool.id(), caller::membership)).isEmpty();
        assertThatThrownBy(() -> TenantContext.callAs(otherSchool.id(), () -> caller.require()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aRevokedMembershipIsRefusedAtTheNextCall() {
        assertThat(TenantContext.callAs(school.id(), () -> caller.has("ADMIN"))).isTrue();
        // A tenant keeps an administrator: another one takes over before this one's role is withdrawn.
        UUID successor = TenantContext.callAs(school.id(), () -> users.register("successor@caller-school.example", "Sue Successor"));
        TenantContext.runAs(school.id(), () -> memberships.grant(successor, TenantRole.ADMIN));
        TenantContext.runAs(school.id(), () -> memberships.revoke(admin, TenantRole.ADMIN));

        assertThat(TenantContext.callAs(school.id(), () -> caller.has("ADMIN"))).isFalse();
        assertThatThrownBy(() -> TenantContext.callAs(school.id(), () -> caller.require(TenantRole.ADMIN)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aSuspendedTenantIsRefusedAtTheNextCall() {
        assertThat(TenantContext.callAs(school.id(), caller::membership)).isPresent();
        jdbc.sql("select set_tenant_status(?, 'SUSPENDED')").param(school.id()).query().singleRow();

        assertThatThrownBy(() -> TenantContext.callAs(school.id(), () -> caller.require(TenantRole.ADMIN)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aTokenThatNoLongerNamesTheOrganizationOpensNothing() {
        signIn(admin, List.of("caller-other"));
        assertThat(TenantContext.callAs(school.id(), caller::membership)).isEmpty();
    }

    @Test
    void methodSecurityRefusesThePlatformsTenantListToASchoolAdministratorAndGivesItToAnOperator() {
        assertThatThrownBy(() -> tenants.all()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.setPlatformOperator(admin, true)).as("a school administrator making themselves operator")
                .isInstanceOf(AccessDeniedException.class);

        SecurityContextHolder.clearContext(); // the platform's own set-up, as the demo does it
        UUID operator = users.register("operator@caller.example", "Otto Operator");
        users.setPlatformOperator(operator, true);
        signIn(operator, List.of());
        assertThat(tenants.all()).extracting(Tenant::slug).contains("caller-school", "caller-other");

        users.setPlatformOperator(operator, false);
        assertThatThrownBy(() -> tenants.all()).as("no longer an operator, at the next call").isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void onlyAnAdministratorOfTheTenantGrantsRolesThere() {
        UUID newcomer = TenantContext.callAs(school.id(), () -> users.register("newcomer@caller-school.example", "Nora Newcomer"));
        TenantContext.runAs(school.id(), () -> memberships.grant(newcomer, TenantRole.STAFF));
        assertThat(TenantContext.callAs(school.id(), () -> memberships.rolesInCurrentTenant(newcomer))).containsExactly(TenantRole.STAFF);

        assertThatThrownBy(() -> TenantContext.runAs(otherSchool.id(), () -> memberships.grant(newcomer, TenantRole.ADMIN)))
                .as("an administrator of another school").isInstanceOf(AccessDeniedException.class);

        signIn(newcomer, List.of("caller-school"));
        assertThatThrownBy(() -> TenantContext.runAs(school.id(), () -> memberships.grant(newcomer, TenantRole.ADMIN)))
                .as("staff promoting themselves").isInstanceOf(AccessDeniedException.class);
        assertThat(TenantContext.callAs(school.id(), () -> memberships.rolesInCurrentTenant(newcomer))).containsExactly(TenantRole.STAFF);
    }

    private static void signIn(UUID portalUserId, List<String> organizations) {
        SignedInAs.person(portalUserId, organizations.toArray(String[]::new));
    }
}
