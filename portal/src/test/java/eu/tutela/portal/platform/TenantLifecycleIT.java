package eu.tutela.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import eu.tutela.portal.demo.DemoTenants;
import eu.tutela.portal.jobs.JobProgress;
import eu.tutela.portal.jobs.Jobs;
import eu.tutela.portal.security.IdentityProvider;
import eu.tutela.portal.security.InvitationLink;
import eu.tutela.portal.security.Invitations;
import eu.tutela.portal.security.PortalUsers;
import eu.tutela.portal.security.SignedInAs;
import eu.tutela.portal.support.CaughtMail;
import eu.tutela.portal.support.OwnerDatabase;
import eu.tutela.portal.support.ZipFiles;
import eu.tutela.portal.tenancy.Memberships;
import eu.tutela.portal.tenancy.Tenant;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantDirectory;
import eu.tutela.portal.tenancy.TenantRole;
import eu.tutela.tenantadmin.keycloak.KeycloakDirectory;
import eu.tutela.tenantadmin.lifecycle.Deleted;
import eu.tutela.tenantadmin.lifecycle.ExportRecord;
import eu.tutela.tenantadmin.lifecycle.LifecycleException;
import eu.tutela.tenantadmin.lifecycle.PlatformAuditEntry;
import eu.tutela.tenantadmin.lifecycle.Provisioned;
import eu.tutela.tenantadmin.lifecycle.SpecProblem;
import eu.tutela.tenantadmin.lifecycle.TenantSpec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

/**
 * The operator's lifecycle of a tenant through the console's service, against the real database, Keycloak and
 * SMTP server: what each step leaves in both stores, what a suspended tenant's work does, what bad input and a
 * double deletion get, and that nobody but the operator gets anything.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TenantLifecycleIT {

    private static final Pattern LINK = Pattern.compile("/invitation/([A-Za-z0-9_-]{43})");

    @Autowired
    PlatformConsole console;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    PortalUsers users;
    @Autowired
    Memberships memberships;
    @Autowired
    Invitations invitations;
    @Autowired
    Jobs jobs;
    @Autowired
    IdentityProvider identity;
    @Autowired
    Environment env;

    KeycloakDirectory directory;
    UUID operator;

    @Autowired
    DemoTenants demo;

    @BeforeEach
    void asTheOperator() throws Exception {
        // The demo set-up creates institutions in the background at start-up: counts are taken once it is done.
        demo.awaitReady(Duration.ofMinutes(5));
        directory = identity.awaitDirectory(Duration.ofMinutes(2));
        operator = users.register("operator.lifecycle@tutela.example", "Olga Operator");
        users.setPlatformOperator(operator, true);
        SignedInAs.person(operator);
    }

    @AfterEach
    void signOut() {
        SignedInAs.nobody();
    }

    private static String slug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static TenantSpec spec(String slug, String admin) {
        return new TenantSpec(slug, "Lycée " + slug, "FR", List.of("fr", "en"), "Europe/Paris", "dpo@" + slug + ".example", admin);
    }

    @Test
    void aTenantIsCreatedSuspendedReactivatedExportedAndDeletedLeavingNothingBehind() throws Exception {
        String slug = slug("cycle");
        String admin = "premiere.admin@" + slug + ".example";
        Provisioned made = console.create(spec(slug, admin));

        // Both stores hold it, with the settings it was created with; the first administrator is invited by mail.
        Tenant tenant = tenants.findActiveBySlug(slug).orElseThrow();
        assertThat(tenant.name()).isEqualTo("Lycée " + slug);
        assertThat(directory.findOrganization(slug)).get().satisfies(o -> assertThat(o.id()).isEqualTo(made.organizationId()));
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> !CaughtMail.found(admin, LINK).isEmpty());
        assertThat(CaughtMail.to(admin).getFirst().getSubject()).contains("Lycée " + slug);
        List<String> invitedAs = OwnerDatabase.inTenant(env, tenant.id(), jdbc -> jdbc.sql(
                "select role from invitation where email = ?").param(admin).query(String.class).list());
        assertThat(invitedAs).containsExactly("ADMIN");
        assertThat(console.tenants()).filteredOn(t -> t.slug().equals(slug)).singleElement()
                .satisfies(t -> assertThat(t.status()).isEqualTo("ACTIVE"))
                .satisfies(t -> assertThat(t.lastActivity()).as("the invitation is in its audit trail").isNotNull());

        // Two members with Keycloak accounts: one belongs to this tenant only, one to HEMI as well.
        SignedInAs.nobody();
        String onlyHereEmail = "seulement.ici@" + slug + ".example";
        String onlyHereAccount = directory.ensureUser(onlyHereEmail, "Seule", "Ici", "Secret-2026-x", "fr");
        UUID onlyHere = users.register(onlyHereEmail, "Seule Ici");
        String sharedEmail = "partage@" + slug + ".example";
        String sharedAccount = directory.ensureUser(sharedEmail, "Par", "Tage", "Secret-2026-x", "fr");
        UUID shared = users.register(sharedEmail, "Par Tage");
        Tenant hemi = tenants.findActiveBySlug("hemi").orElseThrow();
        directory.addMember(made.organizationId(), onlyHereAccount);
        directory.addMember(made.organizationId(), sharedAccount);
        directory.addMember(directory.findOrganization("hemi").orElseThrow().id(), sharedAccount);
        TenantContext.runAs(tenant.id(), () -> {
            memberships.grant(onlyHere, TenantRole.STAFF);
            memberships.grant(shared, TenantRole.DPO);
        });
        TenantContext.runAs(hemi.id(), () -> memberships.grant(shared, TenantRole.STAFF));
        SignedInAs.person(operator);

        // Suspended: not active any more, and its mail waits.
        assertThat(console.suspend(slug)).isTrue();
        assertThat(console.suspend(slug)).as("suspending twice changes nothing").isFalse();
        assertThat(tenants.findActiveBySlug(slug)).isEmpty();
        String token = invitationToken(admin);
        assertThat(invitations.follow(token).state()).as("its public pages say it is unavailable")
                .isEqualTo(InvitationLink.State.UNAVAILABLE);
        String waiting = "attente@" + slug + ".example";
        SignedInAs.nobody();
        TenantContext.runAs(tenant.id(), () -> invitations.invite(waiting, TenantRole.STAFF, Locale.FRENCH));
        SignedInAs.person(operator);
        Thread.sleep(4_000);
        assertThat(CaughtMail.to(waiting)).as("no mail leaves a suspended tenant").isEmpty();
        assertThat(console.reactivate(slug)).isTrue();
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> !CaughtMail.to(waiting).isEmpty());
        assertThat(invitations.follow(token).state()).isEqualTo(InvitationLink.State.VALID);

        // Deleting needs a recent export.
        assertThatThrownBy(() -> console.delete(slug)).isInstanceOfSatisfying(LifecycleException.class,
                e -> assertThat(e.reason()).isEqualTo(LifecycleException.Reason.NO_RECENT_EXPORT));
        assertThat(tenants.findActiveBySlug(slug)).as("nothing deleted").isPresent();

        UUID run = console.startExport(slug);
        await().pollInSameThread().atMost(Duration.ofSeconds(60)).until(() -> console.exportProgress(slug, run).map(JobProgress::finished).orElse(false));
        JobProgress progress = console.exportProgress(slug, run).orElseThrow();
        assertThat(progress.status()).isEqualTo(JobProgress.Status.SUCCEEDED);
        assertThat(progress.done()).isEqualTo(progress.total()).isPositive();
        ExportRecord export = console.exports(slug).getFirst();
        assertThat(export.status()).isEqualTo("DONE");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        assertThat(console.download(slug, export.id(), zip)).isTrue();
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip.toByteArray()))).isEqualTo(export.sha256());
        Map<String, String> files = ZipFiles.read(zip.toByteArray());
        assertThat(files).containsKeys("manifest.json", "SHA256SUMS", "tenant.jsonl", "members.jsonl",
                "tables/membership.jsonl", "tables/invitation.jsonl", "tables/audit_entry.jsonl", "tables/outbound_mail.jsonl",
                "tables/job_run.jsonl", "tables/tenant_export.jsonl");
        assertThat(files.get("tenant.jsonl")).contains("\"slug\": \"" + slug + "\"");
        assertThat(files.get("members.jsonl")).contains(onlyHereEmail, sharedEmail);
        assertThat(files.get("tables/invitation.jsonl")).contains(admin, waiting);
        assertThat(files.get("tables/membership.jsonl").lines()).hasSize(2);
        for (String line : files.get("SHA256SUMS").lines().toList()) {
            String[] sum = line.split("  ", 2);
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(files.get(sum[1]).getBytes(StandardCharsets.UTF_8)))).as(sum[1]).isEqualTo(sum[0]);
        }
        assertThat(files.get("manifest.json")).contains("\"format\" : \"tutela-tenant-export/1\"", "\"slug\" : \"" + slug + "\"");

        Deleted deleted = console.delete(slug);
        assertThat(deleted.accountsRemoved()).isEqualTo(1);
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> directory.findOrganization(slug).isEmpty()
                && directory.findUserByEmail(onlyHereEmail).isEmpty());

        // Nothing of it is left: no row in any table with a tenant_id, no tenant, no account of its own.
        assertThat(OwnerDatabase.rowsOfTenant(env, tenant.id())).as("rows left per table").allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
        assertThat(OwnerDatabase.of(env).sql("select count(*) from tenant where slug = ?").param(slug).query(Long.class).single()).isZero();
        assertThat(OwnerDatabase.of(env).sql("select email from app_user where email in (?, ?)").params(onlyHereEmail, sharedEmail)
                .query(String.class).list()).containsExactly(sharedEmail);
        assertThat(directory.findUserByEmail(sharedEmail)).as("still a member of HEMI").isPresent();
        SignedInAs.nobody();
        assertThat(TenantContext.callAs(hemi.id(), () -> memberships.rolesInCurrentTenant(shared))).containsExactly(TenantRole.STAFF);
        SignedInAs.person(operator);

        // The platform audit stream kept the story, chained.
        assertThat(console.auditTrail(50)).filteredOn(e -> slug.equals(e.slug())).extracting(PlatformAuditEntry::action)
                .containsExactly("tenant.deleted", "tenant.exported", "tenant.reactivated", "tenant.suspended", "tenant.created");
        assertThat(console.auditTrail(50)).filteredOn(e -> slug.equals(e.slug()))
                .allSatisfy(e -> assertThat(e.actor()).isEqualTo("operator.lifecycle@tutela.example (console)"));
        assertThat(console.firstBrokenAuditEntry()).isEmpty();
    }

    @Test
    void badInputChangesNothingAndSaysWhichFieldIsWrong() {
        String slug = slug("bad");
        long before = tenantCount();
        assertThatThrownBy(() -> new TenantSpec("Lycée Hugo", "Lycée", "XX", List.of("fr"), "Europe/Nowhere", "dpo", "admin"))
                .isInstanceOfSatisfying(LifecycleException.class, e -> {
                    assertThat(e.reason()).isEqualTo(LifecycleException.Reason.INVALID);
                    assertThat(e.problems()).extracting(SpecProblem::field)
                            .containsExactly("slug", "country", "timeZone", "dpoEmail", "firstAdminEmail");
                });
        console.create(spec(slug, "admin@" + slug + ".example"));
        assertThatThrownBy(() -> console.create(spec(slug, "autre@" + slug + ".example")))
                .isInstanceOfSatisfying(LifecycleException.class, e -> assertThat(e.reason()).isEqualTo(LifecycleException.Reason.DUPLICATE));
        assertThat(tenantCount()).isEqualTo(before + 1);
        assertThat(directory.organizations()).filteredOn(o -> o.alias().equals(slug)).hasSize(1);
        assertThatThrownBy(() -> console.suspend("no-such-school")).isInstanceOfSatisfying(LifecycleException.class,
                e -> assertThat(e.reason()).isEqualTo(LifecycleException.Reason.NOT_FOUND));
        assertThat(console.reactivate(slug)).as("active already: nothing to do").isFalse();
    }

    @Test
    void deletingTheSameTenantTwiceAtOnceDeletesItOnce() throws Exception {
        String slug = slug("twice");
        console.create(spec(slug, "admin@" + slug + ".example"));
        UUID run = console.startExport(slug);
        await().pollInSameThread().atMost(Duration.ofSeconds(60)).until(() -> console.exportProgress(slug, run).map(JobProgress::finished).orElse(false));
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Object>> attempts = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() -> {
            SignedInAs.person(operator);
            try {
                start.await();
                return (Object) console.delete(slug);
            } catch (LifecycleException e) {
                return e.reason();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                SignedInAs.nobody();
            }
        })).toList();
        start.countDown();
        List<Object> outcomes = attempts.stream().map(CompletableFuture::join).toList();
        assertThat(outcomes).filteredOn(Deleted.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(LifecycleException.Reason.class::isInstance)
                .singleElement().isIn(LifecycleException.Reason.BUSY, LifecycleException.Reason.NOT_FOUND);
        assertThat(console.auditTrail(100)).filteredOn(e -> slug.equals(e.slug()) && e.action().equals("tenant.deleted")).hasSize(1);
    }

    @Test
    void aSuspendedTenantsJobsWaitWhileTheOperatorsExportRuns() {
        String slug = slug("paused");
        Provisioned made = console.create(spec(slug, "admin@" + slug + ".example"));
        console.suspend(slug);
        SignedInAs.nobody();
        UUID counting = TenantContext.callAs(made.tenantId(), () -> jobs.start("test-counting", "paused"));
        SignedInAs.person(operator);
        UUID export = console.startExport(slug);
        await().pollInSameThread().atMost(Duration.ofSeconds(60)).until(() -> console.exportProgress(slug, export).map(JobProgress::finished).orElse(false));
        SignedInAs.nobody();
        assertThat(TenantContext.callAs(made.tenantId(), () -> jobs.progress(counting)).orElseThrow().status())
                .as("the tenant's own job waits").isEqualTo(JobProgress.Status.QUEUED);
        SignedInAs.person(operator);
        console.reactivate(slug);
        SignedInAs.nobody();
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> TenantContext.callAs(made.tenantId(), () -> jobs.progress(counting))
                .orElseThrow().status() == JobProgress.Status.SUCCEEDED);
    }

    @Test
    void nobodyButTheOperatorGetsAnything() {
        String slug = slug("guarded");
        console.create(spec(slug, "admin@" + slug + ".example"));
        UUID run = console.startExport(slug);
        // A tenant's administrator (HEMI's) is refused every call, with HEMI's slug or another's.
        UUID hemiAdmin = OwnerDatabase.of(env).sql("select id from app_user where email = 'admin@hemi.example'").query(UUID.class).single();
        SignedInAs.person(hemiAdmin, "hemi");
        assertThatThrownBy(() -> console.tenants()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> console.suspend("hemi")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> console.delete(slug)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> console.exports(slug)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> console.download(slug, run, new ByteArrayOutputStream())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> console.auditTrail(10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> console.create(spec(slug("sneaky"), "x@y.example"))).isInstanceOf(AccessDeniedException.class);
        SignedInAs.nobody();
        assertThatThrownBy(() -> console.tenants()).as("not even background work").isInstanceOf(AccessDeniedException.class);
        // The operator asking for one tenant's export run under another tenant's slug gets nothing.
        SignedInAs.person(operator);
        assertThat(console.exportProgress("hemi", run)).isEmpty();
        assertThat(console.download("hemi", run, new ByteArrayOutputStream())).isFalse();
    }

    /** The token of the newest invitation link mailed to {@code recipient}. */
    private static String invitationToken(String recipient) {
        return CaughtMail.found(recipient, LINK).getLast();
    }

    private long tenantCount() {
        return OwnerDatabase.of(env).sql("select count(*) from tenant").query(Long.class).single();
    }
}
