package eu.tutela.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import eu.tutela.portal.demo.DemoData;
import eu.tutela.portal.security.IdentityProvider;
import eu.tutela.portal.support.OwnerDatabase;
import eu.tutela.portal.support.ZipFiles;
import eu.tutela.portal.tenancy.TenantDirectory;
import eu.tutela.tenantadmin.keycloak.KeycloakDirectory;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The operator's console, as a new operator would try it: "Lycée Victor Hugo" is created; its first administrator
 * opens the invitation, registers and lands in it; the operator suspends it (the administrator, at work, is shut
 * out at the next click), reactivates it, exports it (the zip opens and holds its rows) and deletes it (nothing of
 * it is left in PostgreSQL or Keycloak). Both work in French.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class InstitutionLifecycleIT extends BrowserJourney {

    private static final String SLUG = "lycee-victor-hugo";
    private static final String NAME = "Lycée Victor Hugo";
    private static final String ADMIN = "direction@lycee-victor-hugo.example";

    @Autowired
    TenantDirectory tenants;
    @Autowired
    IdentityProvider identity;
    @Autowired
    Environment env;

    @Test
    void lyceeVictorHugoFromCreationToDeletion() throws Exception {
        KeycloakDirectory directory = identity.awaitDirectory(Duration.ofMinutes(2));
        signIn(DemoData.OPERATOR);
        assertThat(page.locator("#platform-title")).hasText("Plateforme");
        shot("console");

        // New institution: a mistyped address is refused on its field, then the institution is created.
        page.locator("#platform-new").click();
        fill("#new-name", NAME);
        assertThat(page.locator("#new-slug input")).hasValue(SLUG);
        fill("#new-country", "France");
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("France").setExact(true)).click();
        assertThat(page.locator("#new-timezone input")).hasValue("Europe/Paris");
        fill("#new-dpo", "dpo@lycee-victor-hugo.example");
        fill("#new-admin", "direction-at-lycee");
        page.locator("#new-create").click();
        assertThat(page.locator("#new-admin")).hasAttribute("invalid", "");
        assertThat(page.getByText("Ce n’est pas une adresse électronique.")).isVisible();
        shot("new-refused");
        assertThat(tenants.findActiveBySlug(SLUG)).as("nothing created").isEmpty();
        fill("#new-admin", ADMIN);
        page.locator("#new-create").click();
        assertThat(page.getByText("Établissement " + SLUG + " créé. " + ADMIN + " reçoit une invitation à l’administrer.")).isVisible();
        assertThat(page.locator("#platform-tenants")).containsText(NAME);
        Locator status = page.locator("#status-" + SLUG);
        assertThat(status).hasText("Actif");
        shot("created");
        UUID tenantId = tenants.findActiveBySlug(SLUG).orElseThrow().id();
        assertThat(directory.findOrganization(SLUG)).isPresent();

        // Its first administrator, in her own browser: the invitation from the mail, Keycloak's registration, the tenant.
        String link = awaitMailLink(ADMIN, Pattern.compile("http://[^\"\\s<>]+/invitation/[A-Za-z0-9_-]{43}"));
        BrowserContext operatorContext = context;
        Page operator = page;
        context = null;
        newBrowserContext();
        Page admin = page;
        admin.navigate(link);
        assertThat(admin.locator("#invitation-title")).hasText("Rejoindre " + NAME);
        shot("invitation");
        admin.locator("#invitation-sign-in").click();
        registerThroughKeycloak(ADMIN, "Adèle", "Hugo", "Victor-Hugo-1802");
        admin.waitForURL(url -> url.startsWith(portal("/invitation/")));
        admin.locator("#invitation-join").click();
        admin.waitForURL(url -> url.startsWith(portal("/t/" + SLUG)));
        assertThat(admin.locator("#dashboard-roles")).hasText("Vos rôles ici : Administrateur");
        shot("administrator-in");
        BrowserContext adminContext = context;
        try {
            // Suspended: the dialog acts only on the typed identifier; the administrator is shut out at her next click.
            use(operatorContext, operator);
            operator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Suspendre " + NAME)).click();
            assertThat(operator.locator("#confirm-action")).isDisabled();
            operator.locator("#confirm-slug input").fill("lycee-victor");
            assertThat(operator.locator("#confirm-action")).isDisabled();
            operator.locator("#confirm-slug input").fill(SLUG);
            shot("suspend-confirm");
            operator.locator("#confirm-action").click();
            assertThat(status).hasText("Suspendu");
            shot("suspended");
            use(adminContext, admin);
            admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tableau de bord")).click();
            assertThat(admin.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Établissement suspendu"))).isVisible();
            shot("administrator-shut-out");

            use(operatorContext, operator);
            operator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Réactiver " + NAME)).click();
            assertThat(status).hasText("Actif");
            use(adminContext, admin);
            admin.navigate(portal("/t/" + SLUG));
            assertThat(admin.locator("#dashboard-roles")).hasText("Vos rôles ici : Administrateur");
            shot("administrator-back");

            // Exported in the background; the zip opens and holds the institution's rows.
            use(operatorContext, operator);
            operator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Exports de " + NAME)).click();
            assertThat(operator.locator("#export-status")).hasText("Aucun export pour l’instant.");
            operator.locator("#export-start").click();
            assertThat(operator.locator("#export-status")).hasText("Le dernier export est terminé.",
                    new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(60_000));
            shot("exported");
            Download download = operator.waitForDownload(() -> operator.getByRole(AriaRole.LINK,
                    new Page.GetByRoleOptions().setName(Pattern.compile("Télécharger " + SLUG + "-.*\\.zip"))).click());
            Map<String, String> zip = ZipFiles.read(Files.readAllBytes(download.path()));
            assertThat(zip).containsKeys("manifest.json", "SHA256SUMS", "tenant.jsonl", "tables/membership.jsonl",
                    "tables/audit_entry.jsonl");
            assertThat(zip.get("tenant.jsonl")).contains(NAME);
            assertThat(zip.get("members.jsonl")).contains(ADMIN);
            assertThat(zip.get("tables/membership.jsonl").lines()).hasSize(1);
            assertThat(zip.get("tables/audit_entry.jsonl")).contains("invitation.accepted");
            operator.locator("#exports-close").click();

            // Deleted, once the identifier is typed: nothing of it is left in PostgreSQL or Keycloak.
            operator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Supprimer " + NAME)).click();
            operator.locator("#confirm-slug input").fill(SLUG);
            shot("delete-confirm");
            operator.locator("#confirm-action").click();
            // "(1 compte supprimé)", or "(1 compte). Le service de connexion…" when the background task holds the step.
            assertThat(operator.getByText(Pattern.compile(NAME + " est supprimé \\(1 compte"))).isVisible();
            assertThat(operator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Supprimer " + NAME))).hasCount(0);
            shot("deleted");
            assertThat(OwnerDatabase.rowsOfTenant(env, tenantId)).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
            assertThat(OwnerDatabase.of(env).sql("select count(*) from tenant where id = ?").param(tenantId).query(Long.class).single()).isZero();
            assertThat(OwnerDatabase.of(env).sql("select count(*) from app_user where email = ?").param(ADMIN).query(Long.class).single()).isZero();
            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> directory.findOrganization(SLUG).isEmpty() && directory.findUserByEmail(ADMIN).isEmpty());

            // The platform audit stream tells the story, intact.
            operator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Audit de la plateforme")).click();
            Locator audit = operator.locator("#platform-audit");
            for (String action : new String[] {"Création", "Suspension", "Réactivation", "Export", "Suppression"}) {
                assertThat(audit).containsText(action);
            }
            operator.locator("#platform-audit-verify").click();
            assertThat(operator.locator("#platform-audit-verification")).hasText("La chaîne est intacte : aucune entrée n’a été modifiée ni retirée.");
            shot("platform-audit");
        } finally {
            adminContext.close();
        }
    }

    /** Makes this browser the one the next steps (and screenshots) are taken in. */
    private void use(BrowserContext browser, Page tab) {
        context = browser;
        page = tab;
    }
}
