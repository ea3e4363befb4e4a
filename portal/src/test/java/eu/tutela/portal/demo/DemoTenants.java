package eu.tutela.portal.demo;

import eu.tutela.portal.devservices.EmbeddedServices;
import eu.tutela.portal.security.IdentityProvider;
import eu.tutela.portal.security.Invitations;
import eu.tutela.portal.security.PortalUsers;
import eu.tutela.portal.tenancy.Memberships;
import eu.tutela.portal.tenancy.Tenant;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantDirectory;
import eu.tutela.portal.tenancy.TenantRole;
import eu.tutela.portal.tenancy.TenantSettings;
import eu.tutela.portal.tenancy.TenantSettingsService;
import eu.tutela.tenantadmin.keycloak.KeycloakDirectory;
import eu.tutela.tenantadmin.lifecycle.TenantLifecycle;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Creates the demo tenants and people, in the portal's database and in Keycloak, and prints how to
 * sign in. Every step is idempotent: a second start finds everything in place and changes nothing.
 */
@Component
@ConditionalOnProperty(name = "tutela.demo.enabled", havingValue = "true")
public class DemoTenants {

    private static final Logger log = LoggerFactory.getLogger(DemoTenants.class);

    private final IdentityProvider identity;
    private final TenantDirectory tenants;
    private final PortalUsers users;
    private final Memberships memberships;
    private final DemoWelcomeMail welcomeMail;
    private final TenantSettingsService settings;
    private final Invitations invitations;
    private final Environment environment;
    private final TenantLifecycle lifecycle;
    private final DemoPolicies policies;
    private final DemoPeople people;
    private final DemoRequests requests;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();

    DemoTenants(IdentityProvider identity, TenantDirectory tenants, PortalUsers users, Memberships memberships,
            DemoWelcomeMail welcomeMail, TenantSettingsService settings, Invitations invitations, Environment environment,
            TenantLifecycle lifecycle, DemoPolicies policies, DemoPeople people, DemoRequests requests) {
        this.requests = requests;
        this.identity = identity;
        this.tenants = tenants;
        this.users = users;
        this.memberships = memberships;
        this.welcomeMail = welcomeMail;
        this.settings = settings;
        this.invitations = invitations;
        this.environment = environment;
        this.lifecycle = lifecycle;
        this.policies = policies;
        this.people = people;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedInBackground() {
        // Demo accounts with a published password: only ever on a Keycloak this very run started on loopback.
        String keycloak = environment.getProperty("tutela.keycloak.url");
        if (!EmbeddedServices.current().map(services -> services.startedKeycloakAt(keycloak)).orElse(false)) {
            log.error("Demo data refused: the Keycloak at {} was not started by this run of the project", keycloak);
            ready.completeExceptionally(new IllegalStateException("Demo data refused: the Keycloak at " + keycloak
                    + " was not started by this run of the project"));
            return;
        }
        Thread.ofVirtual().name("tutela-demo-setup").start(() -> {
            // System work from the first line: nothing of the thread that started it (a test signed in as
            // someone, when the strategy lets threads inherit it) may act through it.
            SecurityContextHolder.clearContext();
            try {
                seed(identity.awaitDirectory(Duration.ofMinutes(5)));
                ready.complete(null);
            } catch (RuntimeException e) {
                log.error("The demo tenants could not be set up: {}", e.getMessage(), e);
                ready.completeExceptionally(e);
            }
        });
    }

    /** Blocks until the demo data exists in both places (tests wait on this before signing in). */
    public void awaitReady(Duration timeout) throws Exception {
        ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void seed(KeycloakDirectory directory) {
        Map<String, Tenant> bySlug = new HashMap<>();
        Map<String, String> organizationIds = new HashMap<>();
        Map<DemoAccount, UUID> userIds = new HashMap<>();
        for (DemoData.DemoTenant demo : DemoData.TENANTS) {
            organizationIds.put(demo.slug(), directory.ensureOrganization(demo.slug(), demo.name()));
            bySlug.put(demo.slug(), tenants.ensure(demo.slug(), demo.name(), demo.country(), demo.defaultLocale()));
        }
        for (DemoAccount account : DemoData.ACCOUNTS) {
            String keycloakId = directory.ensureUser(account.email(), account.firstName(), account.lastName(),
                    DemoData.PASSWORD, account.locale());
            UUID userId = users.register(account.email(), account.displayName());
            userIds.put(account, userId);
            users.setPlatformOperator(userId, account.platformOperator());
            account.rolesByTenantSlug().forEach((slug, role) -> {
                directory.addMember(organizationIds.get(slug), keycloakId);
                TenantContext.runAs(bySlug.get(slug).id(), () -> memberships.grant(userId, role));
            });
            welcomeMail.sendOnce(account);
        }
        DemoData.TENANTS.forEach(demo -> TenantContext.runAs(bySlug.get(demo.slug()).id(), () -> configure(demo)));
        policies.publishHorizons(bySlug.get(DemoData.HORIZON.slug()), userIds.get(DemoData.HORIZON_ADMIN), userIds.get(DemoData.GUARDIAN));
        policies.publishSchools(bySlug.get(DemoData.JEAN_MOULIN.slug()), userIds.get(DemoData.SCHOOL_ADMIN));
        people.registerSchools(bySlug.get(DemoData.JEAN_MOULIN.slug()), userIds.get(DemoData.SCHOOL_ADMIN));
        people.importUniversity(bySlug.get(DemoData.HEMI.slug()), userIds.get(DemoData.ADMIN));
        people.linkAccounts(bySlug.get(DemoData.HEMI.slug()), userIds.get(DemoData.ADMIN),
                Map.of("HEMI-E001", userIds.get(DemoData.STUDENT), "HEMI-R001", userIds.get(DemoData.GUARDIAN)));
        requests.askOnce(bySlug.get(DemoData.HEMI.slug()), userIds.get(DemoData.STUDENT));
        if (lifecycle.find(DemoData.SUSPENDED.slug()).isEmpty()) {
            lifecycle.create(DemoData.SUSPENDED, DemoData.OPERATOR.email() + " (demo)");
            lifecycle.suspend(DemoData.SUSPENDED.slug(), DemoData.OPERATOR.email() + " (demo)");
        }
        printSignInDetails();
    }

    /** The settings and a waiting invitation, the first time only: what an administrator changed later stays. */
    private void configure(DemoData.DemoTenant demo) {
        TenantSettings current = settings.current();
        if (current.dpoEmail() == null) {
            settings.update(new TenantSettings.Change(demo.name(), demo.colour(), demo.country(), null, null, demo.languages(),
                    demo.timeZone(), demo.dpoName(), demo.dpoEmail(), null, null));
        }
        if (demo.pendingInvitation() != null && invitations.open().isEmpty()) {
            invitations.invite(demo.pendingInvitation(), TenantRole.STAFF, Locale.of(demo.defaultLocale()));
        }
    }

    private void printSignInDetails() {
        String portal = "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080");
        StringBuilder text = new StringBuilder()
                .append("\n\n  Tutela demo is ready: open ").append(portal).append('\n')
                .append("  Every demo account's password: ").append(DemoData.PASSWORD).append("\n\n");
        for (DemoAccount account : DemoData.ACCOUNTS) {
            String what = account.platformOperator() ? "platform operator" : account.rolesByTenantSlug().toString();
            text.append(String.format("    %-26s %s%n", account.email(), what));
        }
        text.append("\n  Caught e-mails: ").append(portal).append("/dev/mailbox\n");
        log.info(text.toString());
    }
}
