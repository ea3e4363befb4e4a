package eu.tutela.portal.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.tutela.portal.security.PortalUsers;
import eu.tutela.portal.support.OwnerDatabase;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the application's database role may do, tried as an attacker would who found an injection:
 * straight SQL through the application's own connection, inside a transaction bound as the
 * application binds it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DatabasePrivilegesIT {

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
    @Autowired
    Environment env;

    Tenant a;
    Tenant b;
    UUID inA;
    UUID inB;

    @BeforeEach
    void twoTenantsWithOneMemberEach() {
        a = tenants.ensure("privileges-a", "Privileges A", "FR", "fr");
        b = tenants.ensure("privileges-b", "Privileges B", "FR", "fr");
        inA = users.register("alice@privileges-a.example", "Alice A");
        inB = users.register("bob@privileges-b.example", "Bob B");
        TenantContext.runAs(a.id(), () -> memberships.grant(inA, TenantRole.STAFF));
        TenantContext.runAs(b.id(), () -> memberships.grant(inB, TenantRole.STAFF));
    }

    @Test
    void theApplicationRoleCannotMakeAnyoneAPlatformOperatorNorRebindTheirAccount() {
        assertRefused(() -> ActingPerson.callAs(inA, () -> inTransaction(() ->
                jdbc.sql("update app_user set platform_operator = true where id = ?").param(inA).update())), "permission denied");
        assertRefused(() -> ActingPerson.callAs(inA, () -> inTransaction(() ->
                jdbc.sql("update app_user set subject = 'attacker' where id = ?").param(inA).update())), "permission denied");
        assertRefused(() -> inTransaction(() -> jdbc.sql(
                "insert into app_user (id, email, display_name, platform_operator) values (?, 'mallory@evil.example', 'Mallory', true)")
                .param(UUID.randomUUID()).update()), "row-level security");

        assertThat(OwnerDatabase.of(env).sql("select count(*) from app_user where platform_operator and id = ?").param(inA)
                .query(Long.class).single()).isZero();
    }

    @Test
    void theApplicationRoleCannotSuspendOrReactivateATenantByUpdatingIt() {
        assertRefused(() -> inTransaction(() ->
                jdbc.sql("update tenant set status = 'SUSPENDED' where id = ?").param(b.id()).update()), "permission denied");
        assertThat(tenants.findActive(b.id())).isPresent();
    }

    @Test
    void peoplesEmailsAreReadOnlyForTheBoundTenantsMembersAndTheSignedInPerson() {
        List<String> asTenantA = TenantContext.callAs(a.id(), () -> inTransaction(() ->
                jdbc.sql("select email from app_user").query(String.class).list()));
        assertThat(asTenantA).contains("alice@privileges-a.example").doesNotContain("bob@privileges-b.example");

        List<String> asBobWithNoTenant = ActingPerson.callAs(inB, () -> inTransaction(() ->
                jdbc.sql("select email from app_user").query(String.class).list()));
        assertThat(asBobWithNoTenant).containsExactly("bob@privileges-b.example");

        List<String> asNobody = inTransaction(() -> jdbc.sql("select email from app_user").query(String.class).list());
        assertThat(asNobody).isEmpty();
    }

    @Test
    void everyFunctionThatRunsAsTheOwnerPinsItsSearchPath() {
        List<String> unpinned = OwnerDatabase.of(env).sql("""
                select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                 where n.nspname = 'public' and p.prosecdef
                   and not coalesce('search_path=pg_catalog, public, pg_temp' = any (p.proconfig), false)""")
                .query(String.class).list();
        List<String> definers = OwnerDatabase.of(env).sql("""
                select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                 where n.nspname = 'public' and p.prosecdef""").query(String.class).list();
        assertThat(definers).contains("memberships_of", "sign_in", "register_person", "set_platform_operator", "set_tenant_status");
        assertThat(unpinned).isEmpty();
    }

    @Test
    void everyRowPolicyReadsTheTenantOncePerStatementNotOncePerRow() {
        List<String> perRow = OwnerDatabase.of(env).sql("""
                select tablename || '.' || policyname from pg_policies
                 where schemaname = 'public'
                   and replace(replace(coalesce(qual, '') || coalesce(with_check, ''),
                               '( SELECT current_tenant_id() AS current_tenant_id)', ''),
                               '( SELECT current_user_id() AS current_user_id)', '') ~ 'current_(tenant|user)_id\\(\\)'""")
                .query(String.class).list();
        assertThat(perRow).isEmpty();
        assertThat(OwnerDatabase.of(env).sql("select proparallel::text from pg_proc where proname = 'current_tenant_id'").query(String.class)
                .single()).as("parallel safe, as the acceptance dashboard needs").isEqualTo("s");
        List<String> plan = OwnerDatabase.inTenant(env, UUID.randomUUID(), owner -> owner.sql(
                "explain (verbose) select id from person where family_name = 'x'").query(String.class).list());
        assertThat(String.join("\n", plan)).as("an initPlan, the function inlined into it")
                .contains("InitPlan").contains("current_setting('tutela.tenant_id'").doesNotContain("current_tenant_id()");
    }

    private <T> T inTransaction(Supplier<T> work) {
        return new TransactionTemplate(transactions).execute(status -> work.get());
    }

    private static void assertRefused(Runnable attempt, String reason) {
        assertThatThrownBy(attempt::run).rootCause().hasMessageContaining(reason);
    }
}
