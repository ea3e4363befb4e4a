package eu.tutela.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import eu.tutela.portal.demo.DemoAccount;
import eu.tutela.portal.demo.DemoData;
import eu.tutela.portal.deployment.PortalImage;
import eu.tutela.portal.deployment.PortalProcess;
import eu.tutela.portal.security.IdentityProvider;
import eu.tutela.portal.security.PortalUser;
import eu.tutela.portal.security.PortalUsers;
import eu.tutela.portal.support.DeploymentEnvironment;
import eu.tutela.portal.tenancy.Memberships;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantDirectory;
import eu.tutela.portal.tenancy.TenantRole;
import eu.tutela.tenantadmin.keycloak.KeycloakDirectory;
import eu.tutela.tenantadmin.keycloak.RealmSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

/**
 * What people do first, in a real browser, against the real portal, Keycloak, PostgreSQL and SMTP
 * server. Each test has its own browser context (own cookies, so its own Keycloak session).
 * Screenshots of each step land in target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SignInJourneysIT extends BrowserJourney {

    @Autowired
    IdentityProvider identity;
    @Autowired
    PortalUsers users;
    @Autowired
    Memberships memberships;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    Environment env;

    @Test
    void administratorSignsInThroughKeycloakAndLandsOnHemisDashboardInFrench() {
        signIn(DemoData.ADMIN);
        // Spring Security marks the URL it returns to after sign-in with "?continue".
        assertThat(page).hasURL(Pattern.compile("^http://127\\.0\\.0\\.1:" + port + "/t/hemi(\\?continue)?$"));
        assertThat(page.locator("#dashboard-title")).hasText(DemoData.HEMI.name());
        assertThat(page.locator("#dashboard-roles")).hasText("Vos rôles ici : Administrateur");
        assertThat(page.locator("#panel-admin")).isVisible();
        assertThat(page.locator("#panel-admin")).hasCSS("border-top-style", "solid"); // the portal's own stylesheet is served
        assertThat(page.locator("#panel-dpo")).hasCount(0);
        shot("dashboard-fr");
    }

    @Test
    void languageSwitchTurnsThePageToEnglishAndTheChoiceOutlivesTheSession() {
        signIn(DemoData.DPO);
        assertThat(page.locator("#dashboard-roles")).hasText("Vos rôles ici : Délégué à la protection des données");
        chooseLanguage("English");
        assertThat(page.locator("#dashboard-roles")).hasText("Your roles here: Data-protection officer");
        assertThat(page.locator("#sign-out")).hasText("Sign out");
        shot("dashboard-en");

        // A new browser, a new session: the choice was kept on the person's record.
        newBrowserContext();
        signIn(DemoData.DPO);
        assertThat(page.locator("#dashboard-roles")).hasText("Your roles here: Data-protection officer");
        shot("english-kept");
        var hemi = tenants.findActiveBySlug(DemoData.HEMI.slug()).orElseThrow();
        assertThat(TenantContext.callAs(hemi.id(), () -> users.findByEmail(DemoData.DPO.email())).flatMap(PortalUser::locale))
                .contains("en");
    }

    @Test
    void signingOutEndsTheKeycloakSessionToo() {
        signIn(DemoData.STAFF);
        page.locator("#sign-out").click();
        assertThat(page.locator("#signed-out-title")).isVisible();
        assertThat(page).hasURL(portal("/signed-out"));
        shot("signed-out");

        // Were Keycloak's session still alive, this would go straight back to the dashboard.
        page.navigate(portal("/t/hemi"));
        assertThat(page.locator("#username")).isVisible();
        assertThat(page.locator("#dashboard-title")).hasCount(0);
        shot("keycloak-asks-again");
    }

    @Test
    void aSessionEndedInKeycloakEndsThePortalSessionToo() {
        signIn(DemoData.STUDENT);
        assertThat(page.locator("#dashboard-title")).hasText(DemoData.HEMI.name());

        // An administrator ends the student's sessions in Keycloak; Keycloak tells the portal (back channel).
        var directory = identity.awaitDirectory(Duration.ofMinutes(1));
        directory.logoutUser(directory.findUserByEmail(DemoData.STUDENT.email()).orElseThrow().id());

        page.navigate(portal("/t/hemi"));
        assertThat(page.locator("#username")).isVisible();
        assertThat(page.locator("#dashboard-title")).hasCount(0);
        shot("session-ended-elsewhere");
    }

    @Test
    void aSessionEndedInKeycloakEndsThePortalSessionEvenWhenKeycloakToldAnotherReplica() throws Exception {
        // Two more replicas, portal processes started from the image on this installation's database; Keycloak's
        // back-channel calls now go to the second only, while the person works on the first. (Plain HTTP on loopback
        // here: in production the ingress's HTTPS carries the Secure session cookie.)
        PortalImage image = PortalImage.read();
        Path root = image.unpack(PortalImage.ROOT);
        Map<String, String> settings = DeploymentEnvironment.of(env, Map.of("SERVER_SERVLET_SESSION_COOKIE_SECURE", "false"));
        try (PortalProcess working = PortalProcess.start(image, root, settings);
                PortalProcess told = PortalProcess.start(image, root, settings)) {
            working.awaitReady();
            told.awaitReady();
            pointBackChannelLogoutAt(told.port);
            try {
                String replica = "http://127.0.0.1:" + working.port;
                signInAt(replica, DemoData.HORIZON_ADMIN.email(), false);
                page.navigate(replica + "/t/horizon");
                assertThat(page.locator("#dashboard-title")).hasText(DemoData.HORIZON.name());
                Accessibility.check(page); // shot() checks the pages of this JVM's portal only
                shot("signed-in-on-a-replica-process");

                var directory = identity.awaitDirectory(Duration.ofMinutes(1));
                directory.logoutUser(directory.findUserByEmail(DemoData.HORIZON_ADMIN.email()).orElseThrow().id());

                page.navigate(replica + "/t/horizon");
                assertThat(page.locator("#username")).isVisible();
                assertThat(page.locator("#dashboard-title")).hasCount(0);
                shot("ended-through-other-replica");
            } finally {
                pointBackChannelLogoutAt(port);
            }
        }
    }

    @Test
    void aMembershipRevokedWhileThePageIsOpenClosesTheInstitutionAtTheNextClick() {
        var directory = identity.awaitDirectory(Duration.ofMinutes(1));
        DemoAccount soonGone = new DemoAccount("leaving@hemi.example", "Léa", "Départ", "fr", Map.of("hemi", TenantRole.STAFF), false);
        String keycloakId = directory.ensureUser(soonGone.email(), soonGone.firstName(), soonGone.lastName(), DemoData.PASSWORD, "fr");
        directory.addMember(directory.findOrganization(DemoData.HEMI.slug()).orElseThrow().id(), keycloakId);
        var hemi = tenants.findActiveBySlug(DemoData.HEMI.slug()).orElseThrow();
        UUID person = users.register(soonGone.email(), soonGone.displayName());
        TenantContext.runAs(hemi.id(), () -> memberships.grant(person, TenantRole.STAFF));

        signIn(soonGone);
        assertThat(page.locator("#dashboard-title")).hasText(DemoData.HEMI.name());

        // The administrator withdraws the membership while the page stays open; the next round trip leaves HEMI.
        TenantContext.runAs(hemi.id(), () -> memberships.revoke(person, TenantRole.STAFF));
        page.locator("vaadin-drawer-toggle").click();
        assertThat(page.locator("#unavailable-title")).isVisible();
        assertThat(page.locator("#dashboard-title")).hasCount(0);
        shot("revoked-while-open");
    }

    @Test
    void aParentInTwoInstitutionsSwitchesTenantWithoutSigningInAgain() {
        signIn(DemoData.GUARDIAN);
        assertThat(page.locator("#dashboard-title")).hasText(DemoData.HEMI.name());
        shot("first-tenant");

        page.locator("#tenant-switcher").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(DemoData.HORIZON.name())).click();
        assertThat(page).hasURL(portal("/t/horizon"));
        // Horizon changed its policy since he accepted it (demo data): he reads what changed before anything else.
        assertThat(page.locator("#policy-accept-intro")).containsText("Horizon Online Academy a modifié sa politique de confidentialité (version 2");
        assertThat(page.locator("#policy-accept-changes .diff-added")).containsText(new String[] {"Vimeo"});
        shot("second-tenant-policy-changed");
        page.locator("#policy-accept").click();
        assertThat(page.locator("#dashboard-title")).hasText(DemoData.HORIZON.name());
        assertThat(page.locator("#dashboard-roles")).hasText("Vos rôles ici : Parent ou responsable légal");
        shot("second-tenant");
    }

    @Test
    void onAPhoneTheDashboardFitsTheScreenWidth() {
        context.close();
        context = chromium.browser.newContext(new Browser.NewContextOptions().setLocale("fr-FR")
                .setViewportSize(390, 844).setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2));
        context.setDefaultTimeout(30_000);
        page = context.newPage();
        signIn(DemoData.GUARDIAN);
        assertThat(page.locator("#dashboard-title")).isVisible();
        assertThat(page.locator("#sign-out")).isInViewport();
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow in CSS pixels").isLessThanOrEqualTo(0);
        shot("phone");
    }

    @Test
    void aMemberOfOneTenantWhoTypesAnotherTenantsUrlSeesNoneOfItsData() {
        signIn(DemoData.ADMIN);
        page.navigate(portal("/t/horizon"));
        assertThat(page.locator("#unavailable-title")).isVisible();
        assertThat(page.locator("body")).not().containsText(DemoData.HORIZON.name());
        assertThat(page.locator("#dashboard-title")).hasCount(0);
        shot("other-tenant-refused");

        page.navigate(portal("/t/no-such-school"));
        assertThat(page.locator("#unavailable-title")).isVisible();
        shot("unknown-tenant");
    }

    @Test
    void aMembershipThatKeycloakDoesNotVouchForOpensNothing() {
        // The portal's database says STAFF may enter Horizon, but the signed token does not name Horizon.
        var hemi = tenants.findActiveBySlug(DemoData.HEMI.slug()).orElseThrow();
        PortalUser staff = TenantContext.callAs(hemi.id(), () -> users.findByEmail(DemoData.STAFF.email())).orElseThrow();
        var horizon = tenants.findActiveBySlug(DemoData.HORIZON.slug()).orElseThrow();
        TenantContext.runAs(horizon.id(), () -> memberships.grant(staff.id(), TenantRole.STAFF));

        signIn(DemoData.STAFF);
        page.navigate(portal("/t/horizon"));
        assertThat(page.locator("#unavailable-title")).isVisible();
        assertThat(page.locator("body")).not().containsText(DemoData.HORIZON.name());
        shot("unconfirmed-membership-refused");
    }

    @Test
    void someoneWithoutAnyMembershipGetsAClearPageNotAnError() {
        identity.awaitDirectory(Duration.ofMinutes(1)).ensureUser("newcomer@nowhere.example", "Nina", "Newcomer",
                DemoData.PASSWORD, "fr");
        signIn(new DemoAccount("newcomer@nowhere.example", "Nina", "Newcomer", "fr", Map.of(), false));
        assertThat(page.locator("#no-membership-title")).hasText("Aucun établissement pour le moment");
        assertThat(page.locator("body")).containsText("newcomer@nowhere.example");
        shot("no-membership");
    }

    @Test
    void aForgedOrReplayedSignInAnswerIsRefusedWithAClearMessage() {
        page.navigate(portal("/login/oauth2/code/keycloak?code=forged&state=forged"));
        assertThat(page.locator("#login-status")).containsText("La connexion n'a pas abouti");
        assertThat(page.locator("#dashboard-title")).hasCount(0);
        shot("forged-callback");
    }

    @Test
    void thePlatformOperatorLandsOnTheListOfInstitutions() {
        signIn(DemoData.OPERATOR);
        assertThat(page.locator("#platform-title")).hasText("Plateforme");
        assertThat(page.locator("vaadin-grid")).containsText(DemoData.HEMI.name());
        assertThat(page.locator("vaadin-grid")).containsText(DemoData.HORIZON.name());
        shot("platform");
    }

    @Test
    void aPageTheRoleMayNotOpenLooksLikeOneThatDoesNotExistInThePersonsLanguage() {
        signIn(DemoData.ADMIN);
        page.navigate(portal("/platform"));
        assertThat(page.locator("#not-available-title")).hasText("Page non disponible");
        assertThat(page.locator("body")).not().containsText("Could not navigate");
        assertThat(page.locator("#platform-title")).hasCount(0);
        shot("platform-refused");

        page.navigate(portal("/no-such-page"));
        assertThat(page.locator("#not-available-title")).hasText("Page non disponible");
        shot("unknown-page");
    }

    @Test
    void theSignInPageExplainsAnUnverifiedEmailInsteadOfAGenericError() {
        page.navigate(portal("/login?error=unverified_email"));
        assertThat(page.locator("#login-status")).containsText("Votre adresse e-mail n'a pas encore été vérifiée");
        shot("unverified-email");
    }

    @Test
    void theDevMailboxShowsTheMailsTheEmbeddedSmtpServerCaught() {
        signIn(DemoData.ADMIN);
        page.navigate(portal("/dev/mailbox"));
        page.locator("#mailbox-filter input").fill("admin@hemi.example");
        assertThat(page.locator("vaadin-grid")).containsText("admin@hemi.example");
        assertThat(page.locator("vaadin-grid")).containsText("Votre compte de démonstration Tutela");
        shot("mailbox");
    }

    /** Keycloak's back-channel logout URL for the portal's client, set as the project's own realm set-up sets it. */
    private void pointBackChannelLogoutAt(int replicaPort) {
        try (KeycloakDirectory admin = new KeycloakDirectory(env.getRequiredProperty("tutela.keycloak.url"),
                env.getRequiredProperty("tutela.keycloak.admin-username"), env.getRequiredProperty("tutela.keycloak.admin-password"))) {
            admin.ensureRealm(RealmSpec.tutelaOnLoopback(env.getRequiredProperty("tutela.keycloak.client-secret"))
                    .withBackchannelLogoutUrl("http://127.0.0.1:" + replicaPort + "/logout/connect/back-channel/keycloak")
                    .withDirectoryClient(env.getRequiredProperty("tutela.keycloak.directory-client-secret")));
        }
    }
}
