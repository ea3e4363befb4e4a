package eu.tutela.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import eu.tutela.portal.security.InvitationLink;
import eu.tutela.portal.security.InvitationRefusedException;
import eu.tutela.portal.security.Invitations;
import eu.tutela.portal.security.PortalUsers;
import eu.tutela.portal.security.SignedInAs;
import eu.tutela.portal.support.CaughtMail;
import eu.tutela.portal.tenancy.Memberships;
import eu.tutela.portal.tenancy.Tenant;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantDirectory;
import eu.tutela.portal.tenancy.TenantRole;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A portal whose Keycloak cannot be reached still starts, its sign-in page says so instead of failing,
 * and an invitation accepted meanwhile changes nothing and stays usable.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tutela.keycloak.url=http://127.0.0.1:9", // the discard port: nothing answers there
        "tutela.keycloak.admin-username=nobody",
        "tutela.keycloak.admin-password=nothing",
        "tutela.demo.enabled=false"})
@ActiveProfiles("test")
class KeycloakDownIT {

    private static final Pattern LINK = Pattern.compile("/invitation/([A-Za-z0-9_-]{43})");

    @Autowired
    Invitations invitations;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    PortalUsers users;
    @Autowired
    Memberships memberships;

    @AfterEach
    void signOut() {
        SignedInAs.nobody();
    }

    @LocalServerPort
    int port;

    @Test
    void signInPageExplainsThatTheSignInServiceIsUnreachableAndWaits() {
        try (Chromium chromium = new Chromium();
                BrowserContext context = chromium.browser.newContext(new Browser.NewContextOptions().setLocale("en-GB"))) {
            Page page = context.newPage();
            page.navigate("http://127.0.0.1:" + port + "/t/hemi");
            assertThat(page.locator("#login-status")).containsText("The sign-in service cannot be reached right now");
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login$"));
            Accessibility.check(page);
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Path.of("target", "screenshots", "keycloakDown", "01-sign-in-waits.png")));
        }
    }

    /** Accepting an invitation meanwhile: told to try again, nothing changed, and the link still works for the retry. */
    @Test
    void theInviteeIsToldToTryAgainAndNothingChanges() {
        Tenant school = tenants.ensure("keycloak-down-school", "Keycloak Down School", "FR", "fr");
        String email = "invitee." + UUID.randomUUID().toString().substring(0, 8) + "@keycloak-down.example";
        TenantContext.runAs(school.id(), () -> invitations.invite(email, TenantRole.STAFF, Locale.FRENCH));
        await().atMost(Duration.ofSeconds(30)).until(() -> !CaughtMail.to(email).isEmpty());
        String token = CaughtMail.found(email, LINK).getFirst();

        UUID invitee = users.register(email, "Ivy Invitee");
        SignedInAs.withSubject("keycloak-id-of-ivy", invitee);
        assertThatThrownBy(() -> invitations.accept(token)).isInstanceOfSatisfying(InvitationRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(InvitationRefusedException.Reason.DIRECTORY_UNAVAILABLE));

        SignedInAs.nobody();
        assertThat(TenantContext.callAs(school.id(), () -> memberships.rolesInCurrentTenant(invitee))).isEmpty();
        assertThat(invitations.follow(token).state()).isEqualTo(InvitationLink.State.VALID);
    }
}
