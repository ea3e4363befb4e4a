package eu.tutela.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import eu.tutela.portal.demo.DemoAccount;
import eu.tutela.portal.demo.DemoData;
import eu.tutela.portal.security.IdentityProvider;
import eu.tutela.portal.security.PortalUsers;
import eu.tutela.portal.support.OwnerDatabase;
import eu.tutela.portal.tenancy.Memberships;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantDirectory;
import eu.tutela.portal.tenancy.TenantRole;
import eu.tutela.tenantadmin.keycloak.KeycloakDirectory;
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
 * "A tenant runs itself", tried as new users would: HEMI's administrator changes the colour and time
 * zone and invites a DPO; the DPO opens the invitation from the embedded mail server, registers in
 * Keycloak, verifies the address and lands in HEMI as DPO; the DPO reads it all in the audit trail,
 * which verifies intact, and then names an entry tampered with through the schema owner's connection.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TenantRunsItselfIT extends BrowserJourney {

    @Autowired
    TenantDirectory tenants;
    @Autowired
    IdentityProvider identity;
    @Autowired
    PortalUsers users;
    @Autowired
    Memberships memberships;
    @Autowired
    Environment env;

    @Test
    void hemisAdministratorConfiguresInvitesADpoWhoJoinsAndAuditsIt() {
        String dpoEmail = "dpo." + UUID.randomUUID().toString().substring(0, 8) + "@hemi.example";

        // The administrator, in French.
        signIn(DemoData.ADMIN);
        page.getByLabel("Navigation principale").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Paramètres")).click();
        assertThat(page.locator("#settings-title")).hasText("Paramètres de l’établissement");
        shot("settings");

        // Bad input first: a colour that is not one, a time zone that does not exist. Nothing is saved.
        fill("#settings-colour", "bleu");
        fillCombo("#settings-timezone", "Europe/Atlantide");
        page.locator("#settings-save").click();
        assertThat(page.locator("#settings-colour")).hasAttribute("invalid", "");
        assertThat(page.locator("#settings-colour")).containsText("Donnez une couleur sous la forme #");
        assertThat(page.locator("#settings-timezone")).containsText("Ce n’est pas un fuseau horaire");
        shot("settings-refused");

        fill("#settings-colour", "#aa3300");
        fillCombo("#settings-timezone", "Europe/Brussels");
        page.locator("#settings-save").click();
        page.waitForLoadState();
        assertThat(page.locator(".app-title")).hasCSS("background-color", "rgb(170, 51, 0)");
        assertThat(page.locator("#settings-colour input")).hasValue("#aa3300");
        shot("settings-saved");

        // A logo: an SVG that carries a script is refused on the spot; a drawing is kept and shown in the header.
        page.locator("#settings-logo-upload input[type=file]").setInputFiles(Path.of("src/test/resources/logos/with-script.svg"));
        assertThat(page.locator("#settings-logo-error")).containsText("Ce SVG contient autre chose qu’un dessin");
        assertThat(page.locator("#tenant-logo")).isHidden();
        shot("logo-refused");
        page.locator("#settings-logo-upload input[type=file]").setInputFiles(Path.of("src/test/resources/logos/hemi.svg"));
        assertThat(page.locator("#settings-logo-preview")).isVisible();
        page.reload();
        assertThat(page.locator("#tenant-logo")).isVisible();
        assertThat(page.locator("#tenant-logo")).hasAttribute("alt", "Logo de " + DemoData.HEMI.name());
        shot("logo-kept");

        page.getByLabel("Navigation principale").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Membres")).click();
        assertThat(page.locator("#members-title")).hasText("Membres");
        fill("#invite-email", DemoData.STAFF.email());
        page.locator("#invite-send").click();
        assertThat(page.locator("#invite-email")).containsText("déjà membre");
        fill("#invite-email", dpoEmail);
        page.locator("#invite-role").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Délégué à la protection des données")).click();
        page.locator("#invite-send").click();
        assertThat(page.locator("#invitations-grid")).containsText(dpoEmail);
        assertThat(page.locator("#invitations-grid")).containsText("(Europe/Brussels)");
        shot("members-invited");

        // The invitee, on another browser: the link from the mail, then Keycloak's registration.
        String link = awaitMailLink(dpoEmail, Pattern.compile("http://[^\"\\s<>]+/invitation/[A-Za-z0-9_-]{43}"));
        newBrowserContext();
        page.navigate(link);
        assertThat(page.locator("#invitation-title")).hasText("Rejoindre " + DemoData.HEMI.name());
        assertThat(page.locator("#invitation-text")).containsText("Délégué à la protection des données");
        shot("invitation");
        page.locator("#invitation-sign-in").click();
        registerThroughKeycloak(dpoEmail, "Diane", "Protection", "Diane-Protection-2026");
        page.waitForURL(url -> url.startsWith(portal("/invitation/")));
        assertThat(page.locator("#invitation-join")).isVisible();
        shot("invitation-signed-in");
        page.locator("#invitation-join").click();
        page.waitForURL(url -> url.startsWith(portal("/")) && !url.contains("/invitation/"));
        page.locator("vaadin-app-layout").waitFor();
        shot("after-join");
        assertThat(page.locator("#dashboard-roles")).hasText("Vos rôles ici : Délégué à la protection des données");
        assertThat(page.locator(".app-title")).hasCSS("background-color", "rgb(170, 51, 0)");
        shot("dpo-dashboard");

        // The DPO reads the trail: the settings change, the invitation, the new membership; intact.
        page.getByLabel("Navigation principale").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Journal d’audit")).click();
        assertThat(page.locator("#audit-title")).hasText("Journal d’audit");
        Locator grid = page.locator("#audit-grid");
        assertThat(grid).containsText("tenant.settings.changed");
        assertThat(grid).containsText("invitation.sent");
        assertThat(grid).containsText("invitation.accepted");
        assertThat(grid).containsText("membership.granted");
        assertThat(grid).containsText("Europe/Brussels");
        page.locator("#audit-verify").click();
        assertThat(page.locator("#audit-verification")).containsText("Le journal est intact");
        shot("audit-intact");

        page.locator("#audit-action input").fill("invitation.accepted");
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("invitation.accepted")).click();
        // The grid keeps the elements of rows it no longer shows: count the rows it has, then read the first.
        page.waitForFunction("() => document.querySelector('#audit-grid').size === 1");
        assertThat(grid.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("invitation.accepted")))
                .hasCount(1);
        assertThat(grid).containsText(dpoEmail);
        shot("audit-filtered");

        // Someone with the schema owner's password rewrites history; the verification names the entry.
        long tampered = tamperWithTheLastSettingsChange();
        page.locator("#audit-verify").click();
        assertThat(page.locator("#audit-verification")).containsText("Le journal est rompu à l’entrée n° " + tampered);
        shot("audit-broken");
    }

    @Test
    void aMemberRemovedByTheAdministratorIsShutOutAtTheirNextClick() {
        String email = "leaving." + UUID.randomUUID().toString().substring(0, 8) + "@hemi.example";
        KeycloakDirectory directory = identity.awaitDirectory(Duration.ofMinutes(1));
        String keycloakId = directory.ensureUser(email, "Léa", "Départ", DemoData.PASSWORD, "fr");
        directory.addMember(directory.findOrganization(DemoData.HEMI.slug()).orElseThrow().id(), keycloakId);
        UUID leaving = users.register(email, "Léa Départ");
        TenantContext.runAs(tenants.findActiveBySlug(DemoData.HEMI.slug()).orElseThrow().id(),
                () -> memberships.grant(leaving, TenantRole.STAFF));

        // She is at work in HEMI, in her own browser.
        signIn(new DemoAccount(email, "Léa", "Départ", "fr", Map.of(DemoData.HEMI.slug(), TenantRole.STAFF), false));
        assertThat(page.locator("#dashboard-roles")).hasText("Vos rôles ici : Personnel");
        BrowserContext hers = context;
        Page herPage = page;

        // The administrator removes her, in another browser.
        context = null;
        newBrowserContext();
        signIn(DemoData.ADMIN);
        page.getByLabel("Navigation principale").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Membres")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Retirer Léa Départ")).click();
        shot("remove-confirm");
        page.getByRole(AriaRole.ALERTDIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Retirer").setExact(true)).click();
        assertThat(page.getByText("Léa Départ n’a plus accès à cet établissement.")).isVisible();
        // Role queries skip what is hidden: the grid keeps the elements of rows it no longer shows.
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Retirer Léa Départ"))).hasCount(0);
        shot("removed");

        // Her next click in HEMI finds the institution closed to her.
        herPage.getByLabel("Navigation principale").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Tableau de bord")).click();
        assertThat(herPage.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Établissement indisponible"))).isVisible();
        herPage.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target", "screenshots", "aMemberRemovedByTheAdministratorIsShutOutAtTheirNextClick", "shut-out.png")));
        hers.close();
    }

    private long tamperWithTheLastSettingsChange() {
        java.util.UUID hemi = tenants.findActiveBySlug("hemi").orElseThrow().id();
        long seq = OwnerDatabase.inTenant(env, hemi, db -> db.sql(
                "select max(seq) from audit_entry where action = 'tenant.settings.changed'").query(Long.class).single());
        OwnerDatabase.withoutRowSecurity(env, "audit_entry", owner -> owner.sql(
                "update audit_entry set summary = replace(summary, '#aa3300', '#00aa33') where tenant_id = ? and seq = ?")
                .params(hemi, seq).update());
        return seq;
    }
}
