package eu.tutela.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.tutela.portal.security.PortalUsers;
import eu.tutela.portal.security.SignedInAs;
import eu.tutela.portal.support.OwnerDatabase;
import eu.tutela.portal.tenancy.AuditedChange;
import eu.tutela.portal.tenancy.Memberships;
import eu.tutela.portal.tenancy.Tenant;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantDirectory;
import eu.tutela.portal.tenancy.TenantRole;
import eu.tutela.portal.tenancy.TenantSettings;
import eu.tutela.portal.tenancy.TenantSettingsService;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail against the real database: entries appended in the transaction of the change,
 * chained per tenant, out of reach of the application's own role, and a tampered entry named.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AuditTrailIT {

    @Autowired
    AuditTrail trail;
    @Autowired
    TenantSettingsService settings;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    Memberships memberships;
    @Autowired
    PortalUsers users;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment env;
    @Autowired
    AuditVerificationCommand command;

    @AfterEach
    void signOut() {
        SignedInAs.nobody();
    }

    @Test
    void aSettingsChangeLandsInTheTrailWithWhoAndWhatAndTheApplicationRoleCannotRewriteIt() {
        Tenant school = tenants.ensure("audit-school", "Audit School", "FR", "fr");
        UUID admin = member(school, "admin@audit-school.example", "Ada Admin", TenantRole.ADMIN);
        SignedInAs.person(admin, school.slug());

        TenantContext.runAs(school.id(), () -> {
            TenantSettings before = settings.current();
            settings.update(new TenantSettings.Change(before.displayName(), "#aa3300", before.country(), null, null,
                    before.languages(), "Europe/Brussels", before.dpoName(), before.dpoEmail(), null, null));
        });

        List<AuditEntry> page = TenantContext.callAs(school.id(), () -> trail.page(AuditFilter.NONE, 0, 50));
        AuditEntry change = page.stream().filter(e -> e.action().equals("tenant.settings.changed")).findFirst().orElseThrow();
        assertThat(change.actorId()).isEqualTo(admin);
        assertThat(change.actorLabel()).isEqualTo("Ada Admin <admin@audit-school.example>");
        assertThat(change.subjectId()).isEqualTo(school.id().toString());
        assertThat(change.summary()).contains("\"primaryColour\":\"#1f5f8b\"").contains("\"primaryColour\":\"#aa3300\"")
                .contains("\"timeZone\":\"Europe/Brussels\"").doesNotContain("displayName");

        // What an injection through the application's own connection could try: both refused by the database.
        assertThatThrownBy(() -> TenantContext.runAs(school.id(), () -> transactions.executeWithoutResult(s ->
                jdbc.sql("update audit_entry set summary = '{}' where seq = ?").param(change.seq()).update())))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> TenantContext.runAs(school.id(), () -> transactions.executeWithoutResult(s ->
                jdbc.sql("delete from audit_entry where seq = ?").param(change.seq()).update())))
                .rootCause().hasMessageContaining("permission denied");

        assertThat(TenantContext.callAs(school.id(), trail::verify).intact()).isTrue();
    }

    @Test
    void theVerificationNamesTheFirstEntryTamperedWithThroughTheOwnersConnection() {
        Tenant school = tenants.ensure("audit-tamper", "Audit Tamper", "FR", "fr");
        for (int i = 1; i <= 5; i++) {
            record(school, "person.changed", "person-" + i);
        }
        assertThat(TenantContext.callAs(school.id(), trail::verify)).isEqualTo(new ChainVerification(5, 0, null));
        ByteArrayOutputStream intact = new ByteArrayOutputStream();
        assertThat(command.verify("audit-tamper", new java.io.PrintStream(intact, true, StandardCharsets.UTF_8))).isZero();
        assertThat(intact.toString(StandardCharsets.UTF_8)).contains("AUDIT audit-tamper INTACT 5 entries");

        asOwnerWithoutPolicies("update audit_entry set subject_label = 'someone else' where tenant_id = ? and seq = 3", school.id());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        assertThat(command.verify("audit-tamper, no-such-school", new java.io.PrintStream(printed, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("AUDIT audit-tamper BROKEN at entry 3 (CONTENT)")
                .contains("AUDIT no-such-school UNKNOWN tenant");
        ChainVerification changed = TenantContext.callAs(school.id(), trail::verify);
        assertThat(changed.intact()).isFalse();
        assertThat(changed.firstBrokenSeq()).isEqualTo(3);
        assertThat(changed.reason()).isEqualTo(ChainVerification.Break.CONTENT);

        Tenant other = tenants.ensure("audit-removed", "Audit Removed", "FR", "fr");
        for (int i = 1; i <= 4; i++) {
            record(other, "person.changed", "person-" + i);
        }
        asOwnerWithoutPolicies("delete from audit_entry where tenant_id = ? and seq = 2", other.id());
        ChainVerification removed = TenantContext.callAs(other.id(), trail::verify);
        assertThat(removed.firstBrokenSeq()).isEqualTo(2);
        assertThat(removed.reason()).isEqualTo(ChainVerification.Break.GAP);
    }

    @Test
    void anotherTenantNeitherReadsNorAppendsToTheTrail() {
        Tenant a = tenants.ensure("audit-a", "Audit A", "FR", "fr");
        Tenant b = tenants.ensure("audit-b", "Audit B", "FR", "fr");
        record(a, "member.invited", "secret-of-a");
        UUID adminB = member(b, "admin@audit-b.example", "Bea Admin", TenantRole.ADMIN);
        SignedInAs.person(adminB, b.slug());

        assertThat(TenantContext.callAs(b.id(), () -> trail.page(new AuditFilter(null, null, null, null, "secret-of-a"), 0, 50))).isEmpty();
        // The tenant's own id in the URL is no way in: the trail is read for the bound tenant only.
        assertThatThrownBy(() -> TenantContext.callAs(a.id(), () -> trail.page(AuditFilter.NONE, 0, 50)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TenantContext.runAs(b.id(), () -> transactions.executeWithoutResult(s -> jdbc.sql("""
                insert into audit_entry (tenant_id, seq, occurred_at, actor_label, action, subject_type, summary, previous_hash, hash)
                values (?, 99, now(), 'x', 'forged', 'x', '{}', 'x', 'x')""").param(a.id()).update())))
                .rootCause().hasMessageContaining("row-level security");
    }

    @Test
    void staffMayNotReadTheTrail() {
        Tenant school = tenants.ensure("audit-staff", "Audit Staff", "FR", "fr");
        UUID staff = member(school, "staff@audit-staff.example", "Sam Staff", TenantRole.STAFF);
        SignedInAs.person(staff, school.slug());
        assertThatThrownBy(() -> TenantContext.callAs(school.id(), () -> trail.page(AuditFilter.NONE, 0, 50)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TenantContext.callAs(school.id(), trail::verify)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void filtersNarrowTheTrailAndTheExportKeepsFormulasAsText() {
        Tenant school = tenants.ensure("audit-export", "Audit Export", "FR", "fr");
        UUID dpo = member(school, "dpo@audit-export.example", "Dora Dpo", TenantRole.DPO);
        record(school, "person.changed", "=HYPERLINK(\"http://evil.example\",\"click\")");
        record(school, "member.invited", "Jeanne");
        SignedInAs.person(dpo, school.slug());

        List<AuditEntry> invited = TenantContext.callAs(school.id(),
                () -> trail.page(new AuditFilter(null, null, null, "member.invited", null), 0, 50));
        assertThat(invited).extracting(AuditEntry::subjectLabel).containsExactly("Jeanne");
        assertThat(TenantContext.callAs(school.id(), () -> trail.page(new AuditFilter(null, null, null, null, "jean"), 0, 50)))
                .extracting(AuditEntry::subjectLabel).containsExactly("Jeanne");
        assertThat(TenantContext.callAs(school.id(), () -> trail.page(new AuditFilter(null, null, dpo, null, null), 0, 50))).isEmpty();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TenantContext.runAs(school.id(), () -> trail.exportCsv(AuditFilter.NONE, ZoneId.of("Europe/Paris"), out));
        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFseq,occurred_at,actor");
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"").contains("Jeanne");
        assertThat(csv).doesNotContain(",=HYPERLINK").doesNotContain(",\"=HYPERLINK");
    }

    @Test
    void fourWritersAtOnceLeaveOneUnbrokenChain() throws Exception {
        Tenant school = tenants.ensure("audit-concurrent", "Audit Concurrent", "FR", "fr");
        var pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = new java.util.ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        record(school, "person.changed", "writer-" + writer + "-" + i);
                    }
                }));
            }
            for (Future<?> f : writers) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(TenantContext.callAs(school.id(), trail::verify)).isEqualTo(new ChainVerification(100, 0, null));
    }

    private void record(Tenant tenant, String action, String subjectLabel) {
        TenantContext.runAs(tenant.id(), () -> transactions.executeWithoutResult(s -> events.publishEvent(
                AuditedChange.of(action, "person", UUID.randomUUID(), subjectLabel, Map.of(), Map.of("label", subjectLabel)))));
    }

    private UUID member(Tenant tenant, String email, String name, TenantRole role) {
        UUID id = users.register(email, name);
        TenantContext.runAs(tenant.id(), () -> memberships.grant(id, role));
        return id;
    }

    /** The owner is bound by the forced policies too; tampering means switching them off first, as an attacker with its password would. */
    private void asOwnerWithoutPolicies(String sql, UUID tenantId) {
        OwnerDatabase.withoutRowSecurity(env, "audit_entry", owner -> owner.sql(sql).param(tenantId).update());
    }
}
