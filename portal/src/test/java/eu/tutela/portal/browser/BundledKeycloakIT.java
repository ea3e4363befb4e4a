package eu.tutela.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.tutela.portal.demo.DemoData;
import eu.tutela.portal.deployment.PortalImage;
import eu.tutela.portal.deployment.PortalProcess;
import eu.tutela.portal.deployment.RenderedChart;
import eu.tutela.portal.security.PortalUsers;
import eu.tutela.portal.support.DeploymentEnvironment;
import eu.tutela.portal.tenancy.Memberships;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantDirectory;
import eu.tutela.portal.tenancy.TenantRole;
import eu.tutela.tenantadmin.keycloak.KeycloakDirectory;
import eu.tutela.tenantadmin.keycloak.RealmSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The Keycloak the chart can bundle (keycloakx.enabled): the realm file it renders, imported into a real Keycloak as
 * Keycloak imports it at its first start (each {@code ${VARIABLE}} from the environment the chart gives the Keycloak
 * container, here filled from the Secret an operator creates), is the realm the project makes itself, and a portal
 * started from the image signs people in through it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BundledKeycloakIT extends BrowserJourney {

    /** The chart's default portal address (ingress.host), in the realm's redirect and back-channel URLs. */
    private static final String CHART_PORTAL = "https://tutela.example.org";

    @Autowired
    PortalUsers users;
    @Autowired
    Memberships memberships;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    Environment env;

    private final String id = UUID.randomUUID().toString().substring(0, 8);
    /** The release's Keycloak Secret (keycloak.existingSecret), as an operator would create it. */
    private final Map<String, String> releaseSecret = Map.of("client-secret", "chart-portal-" + id,
            "directory-client-secret", "chart-directory-" + id);

    @Test
    void theRealmItImportsIsTheRealmTheProjectMakesItself() throws Exception {
        try (Keycloak admin = admin()) {
            String name = importChartRealm(admin, CHART_PORTAL);
            try {
                RealmResource imported = admin.realm(name);
                RealmResource made = admin.realm(RealmSpec.DEFAULT_REALM);
                assertThat(imported.toRepresentation()).usingRecursiveComparison().comparingOnlyFields("displayName",
                        "organizationsEnabled", "registrationAllowed", "registrationEmailAsUsername", "loginWithEmailAllowed",
                        "duplicateEmailsAllowed", "editUsernameAllowed", "internationalizationEnabled", "supportedLocales",
                        "defaultLocale", "bruteForceProtected", "permanentLockout", "failureFactor", "waitIncrementSeconds",
                        "maxFailureWaitSeconds", "maxDeltaTimeSeconds", "passwordPolicy", "verifyEmail", "resetPasswordAllowed",
                        "accessTokenLifespan", "accessCodeLifespan", "ssoSessionIdleTimeout", "ssoSessionMaxLifespan",
                        "offlineSessionIdleTimeout", "actionTokenGeneratedByUserLifespan").isEqualTo(made.toRepresentation());

                ClientRepresentation portal = client(imported, RealmSpec.DEFAULT_CLIENT_ID);
                assertThat(portal).usingRecursiveComparison().comparingOnlyFields("name", "enabled", "protocol", "publicClient",
                        "bearerOnly", "clientAuthenticatorType", "standardFlowEnabled", "implicitFlowEnabled",
                        "directAccessGrantsEnabled", "serviceAccountsEnabled", "webOrigins")
                        .isEqualTo(client(made, RealmSpec.DEFAULT_CLIENT_ID));
                for (String attribute : List.of("pkce.code.challenge.method", "backchannel.logout.session.required",
                        "oauth2.device.authorization.grant.enabled", "oidc.ciba.grant.enabled")) {
                    assertThat(portal.getAttributes().get(attribute)).as(attribute)
                            .isEqualTo(client(made, RealmSpec.DEFAULT_CLIENT_ID).getAttributes().get(attribute));
                }
                assertThat(portal.getRedirectUris()).containsExactly(CHART_PORTAL + "/login/oauth2/code/keycloak");
                assertThat(portal.getAttributes()).containsEntry("backchannel.logout.url",
                        CHART_PORTAL + "/logout/connect/back-channel/keycloak");
                assertThat(imported.clients().get(portal.getId()).getSecret().getValue()).isEqualTo(releaseSecret.get("client-secret"));
                assertThat(scopes(imported, portal, true)).isEqualTo(scopes(made, client(made, RealmSpec.DEFAULT_CLIENT_ID), true));
                assertThat(scopes(imported, portal, false)).contains("organization")
                        .isEqualTo(scopes(made, client(made, RealmSpec.DEFAULT_CLIENT_ID), false));

                ClientRepresentation directory = client(imported, RealmSpec.DIRECTORY_CLIENT_ID);
                String serviceAccount = imported.clients().get(directory.getId()).getServiceAccountUser().getId();
                String realmManagement = client(imported, "realm-management").getId();
                assertThat(imported.users().get(serviceAccount).roles().clientLevel(realmManagement).listAll())
                        .extracting(RoleRepresentation::getName).containsExactlyInAnyOrderElementsOf(KeycloakDirectory.DIRECTORY_ROLES);
                assertThat(imported.users().get(serviceAccount).roles().realmLevel().listEffective())
                        .extracting(RoleRepresentation::getName).doesNotContain("admin");
            } finally {
                admin.realm(name).remove();
            }
        }
    }

    @Test
    void aPortalStartedFromTheImageSignsPeopleInThroughTheImportedRealm() throws Exception {
        int port = PortalProcess.freePort();
        String replica = "http://127.0.0.1:" + port;
        try (Keycloak admin = admin()) {
            // The chart's portal address, moved to the loopback port of the replica started below.
            String name = importChartRealm(admin, replica);
            try {
                String email = "bundled-" + id + "@horizon.example";
                // The portal's own account on that realm (the directory client): the institution and its administrator.
                try (KeycloakDirectory directory = KeycloakDirectory.asServiceAccount(keycloakUrl(), name,
                        RealmSpec.DIRECTORY_CLIENT_ID, releaseSecret.get("directory-client-secret"))) {
                    String organization = directory.ensureOrganization(DemoData.HORIZON.slug(), DemoData.HORIZON.name());
                    directory.addMember(organization, directory.ensureUser(email, "Noor", "Peeters", DemoData.PASSWORD, "en"));
                    assertThatThrownBy(() -> directory.realmResource().clients().findAll()).hasMessageContaining("403");
                }
                var horizon = tenants.findActiveBySlug(DemoData.HORIZON.slug()).orElseThrow();
                UUID person = users.register(email, "Noor Peeters");
                TenantContext.runAs(horizon.id(), () -> memberships.grant(person, TenantRole.ADMIN));
                try {
                    signInThroughTheImportedRealm(name, email, port);
                } finally {
                    TenantContext.runAs(horizon.id(), () -> memberships.revoke(person, TenantRole.ADMIN));
                }
            } finally {
                admin.realm(name).remove();
            }
        }
    }

    /** A portal replica started from the image on the imported realm, and a sign-in through it in the browser. */
    private void signInThroughTheImportedRealm(String name, String email, int port) throws InterruptedException {
        String replica = "http://127.0.0.1:" + port;
        Map<String, String> settings = DeploymentEnvironment.of(env, Map.of("PORT", String.valueOf(port),
                "SERVER_SERVLET_SESSION_COOKIE_SECURE", "false", "TUTELA_KEYCLOAK_REALM", name,
                "TUTELA_KEYCLOAK_CLIENT_SECRET", releaseSecret.get("client-secret"),
                "TUTELA_KEYCLOAK_DIRECTORY_SECRET", releaseSecret.get("directory-client-secret")));
        PortalImage image = PortalImage.read();
        Path root = image.unpack(PortalImage.ROOT);
        try (PortalProcess portal = PortalProcess.start(image, root, settings)) {
            portal.awaitReady();
            page.navigate(replica + "/");
            page.waitForURL(url -> url.startsWith(keycloakUrl() + "/realms/" + name + "/"));
            signInAt(replica, email, false);
            page.navigate(replica + "/t/horizon");
            // A newcomer to the institution: its privacy policy first, then its dashboard.
            assertThat(page.locator("#policy-accept-title")).isVisible();
            Accessibility.check(page); // shot() checks the pages of this JVM's portal only
            page.locator("#policy-accept").click();
            assertThat(page.locator("#dashboard-title")).hasText(DemoData.HORIZON.name());
            assertThat(page.locator("#dashboard-roles")).hasText("Vos rôles ici : Administrateur");
            Accessibility.check(page);
            shot("signed-in-through-the-bundled-realm");
        }
    }

    /**
     * Renders the chart with Keycloak bundled, fills the realm file's variables as Keycloak would from the
     * environment the chart gives it, and imports it under a name of its own.
     *
     * @return the realm's name
     */
    private String importChartRealm(Keycloak admin, String portalAddress) throws Exception {
        RenderedChart chart = RenderedChart.with("keycloakx.enabled=true");
        Container keycloak = chart.one(StatefulSet.class).getSpec().getTemplate().getSpec().getContainers().getFirst();
        Map<String, String> keycloakEnvironment = new HashMap<>();
        for (EnvVar variable : keycloak.getEnv()) {
            if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null
                    && variable.getValueFrom().getSecretKeyRef().getName().equals("tutela-keycloak")) {
                keycloakEnvironment.put(variable.getName(), releaseSecret.get(variable.getValueFrom().getSecretKeyRef().getKey()));
            }
        }
        String file = chart.realmFile();
        Matcher placeholder = RenderedChart.REALM_VARIABLE.matcher(file);
        StringBuilder resolved = new StringBuilder();
        while (placeholder.find()) {
            String value = keycloakEnvironment.get(placeholder.group(1));
            assertThat(value).as("Keycloak's environment sets " + placeholder.group(1)).isNotNull();
            placeholder.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(resolved);
        // Keycloak's own representation, refusing any field it does not know.
        RealmRepresentation realm = new ObjectMapper().readValue(resolved.toString().replace(CHART_PORTAL, portalAddress),
                RealmRepresentation.class);
        String name = "tutela-chart-" + id;
        realm.setRealm(name);
        admin.realms().create(realm);
        return name;
    }

    private Keycloak admin() {
        return KeycloakBuilder.builder().serverUrl(keycloakUrl()).realm("master").clientId("admin-cli")
                .username(env.getRequiredProperty("tutela.keycloak.admin-username"))
                .password(env.getRequiredProperty("tutela.keycloak.admin-password")).build();
    }

    private String keycloakUrl() {
        return env.getRequiredProperty("tutela.keycloak.url");
    }

    private static ClientRepresentation client(RealmResource realm, String clientId) {
        return realm.clients().findByClientId(clientId).getFirst();
    }

    private static List<String> scopes(RealmResource realm, ClientRepresentation client, boolean defaults) {
        var resource = realm.clients().get(client.getId());
        return (defaults ? resource.getDefaultClientScopes() : resource.getOptionalClientScopes()).stream()
                .map(ClientScopeRepresentation::getName).sorted().toList();
    }
}
