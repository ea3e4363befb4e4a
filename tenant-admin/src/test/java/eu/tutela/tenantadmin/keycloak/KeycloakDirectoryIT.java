package eu.tutela.tenantadmin.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.tutela.tenantadmin.SharedKeycloak;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;

@ExtendWith(SharedKeycloak.class)
class KeycloakDirectoryIT {

    static final String SECRET = "it-secret-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private KeycloakDirectory directory;

    @BeforeEach
    void realm() {
        directory = SharedKeycloak.directory();
        directory.ensureRealm(RealmSpec.tutelaOnLoopback(SECRET));
    }

    @Test
    void realmSetupIsIdempotentAndAsSpecified() {
        directory.ensureRealm(RealmSpec.tutelaOnLoopback(SECRET));
        directory.ensureRealm(RealmSpec.tutelaOnLoopback(SECRET));

        RealmRepresentation realm = directory.realmResource().toRepresentation();
        assertThat(realm.isOrganizationsEnabled()).isTrue();
        assertThat(realm.isRegistrationEmailAsUsername()).isTrue();
        assertThat(realm.isLoginWithEmailAllowed()).isTrue();
        assertThat(realm.isDuplicateEmailsAllowed()).isFalse();
        assertThat(realm.isRegistrationAllowed()).as("invitees create their own account").isTrue();
        assertThat(realm.isInternationalizationEnabled()).isTrue();
        assertThat(realm.getSupportedLocales()).containsExactlyInAnyOrder("fr", "en");
        assertThat(realm.getDefaultLocale()).isEqualTo("fr");
        assertThat(realm.isBruteForceProtected()).as("brute-force detection").isTrue();
        assertThat(realm.getFailureFactor()).isEqualTo(5);
        assertThat(realm.getPasswordPolicy()).contains("length(12)").contains("notEmail").contains("notUsername");
        assertThat(realm.isVerifyEmail()).as("e-mail verification").isTrue();
        assertThat(realm.getAccessTokenLifespan()).isEqualTo(300);
        assertThat(realm.getSsoSessionIdleTimeout()).isEqualTo(1_800);
        assertThat(realm.getSsoSessionMaxLifespan()).isEqualTo(36_000);

        List<ClientRepresentation> clients = directory.realmResource().clients().findByClientId("tutela-portal");
        assertThat(clients).hasSize(1);
        ClientRepresentation client = clients.getFirst();
        assertThat(client.isPublicClient()).isFalse();
        assertThat(client.isStandardFlowEnabled()).isTrue();
        assertThat(client.isDirectAccessGrantsEnabled()).isFalse();
        assertThat(client.isImplicitFlowEnabled()).isFalse();
        assertThat(client.isServiceAccountsEnabled()).isFalse();
        assertThat(client.getAttributes()).containsEntry("pkce.code.challenge.method", "S256")
                .containsEntry("post.logout.redirect.uris", "http://127.0.0.1:*##http://localhost:*");
        assertThat(client.getRedirectUris()).containsExactlyInAnyOrder("http://127.0.0.1:*", "http://localhost:*");
        assertThat(directory.realmResource().clients().get(client.getId()).getOptionalClientScopes())
                .anyMatch(s -> s.getName().equals("organization"));
        assertThat(directory.realmResource().clients().get(client.getId()).getSecret().getValue()).isEqualTo(SECRET);
    }

    @Test
    void anExistingRealmGetsTheNewSecretAndRedirectUris() {
        directory.ensureRealm(RealmSpec.tutela("rotated-secret", List.of("https://portal.example/*"), List.of("https://portal.example/")));
        ClientRepresentation client = directory.realmResource().clients().findByClientId("tutela-portal").getFirst();
        assertThat(client.getRedirectUris()).containsExactly("https://portal.example/*");
        assertThat(directory.realmResource().clients().get(client.getId()).getSecret().getValue()).isEqualTo("rotated-secret");

        directory.ensureRealm(RealmSpec.tutelaOnLoopback(SECRET));
        assertThat(directory.realmResource().clients().get(client.getId()).getSecret().getValue()).isEqualTo(SECRET);
    }

    @Test
    void organizationsUsersAndMemberships() {
        String alias = "org-" + shortId();
        String orgId = directory.ensureOrganization(alias, "École " + alias);
        assertThat(directory.ensureOrganization(alias, "École " + alias)).isEqualTo(orgId);
        assertThat(directory.findOrganization(alias)).get()
                .isEqualTo(new DirectoryOrganization(orgId, alias, "École " + alias, true));

        String email = "Parent." + shortId() + "@Example.org";
        String userId = directory.ensureUser(email, "Marie", "Curie", "Password-one-2026", "fr");
        assertThat(directory.ensureUser(email.toLowerCase(), "Other", "Name", "Password-two-2026", "en")).isEqualTo(userId);
        DirectoryUser user = directory.findUserByEmail(email).orElseThrow();
        assertThat(user).isEqualTo(new DirectoryUser(userId, email.toLowerCase(), "Marie", "Curie", true, "fr"));
        var rep = directory.realmResource().users().get(userId).toRepresentation();
        assertThat(rep.getUsername()).isEqualTo(email.toLowerCase());
        assertThat(rep.isEmailVerified()).isTrue();
        assertThat(rep.getRequiredActions()).isEmpty();

        directory.addMember(orgId, userId);
        directory.addMember(orgId, userId);
        assertThat(directory.members(orgId)).extracting(DirectoryUser::id).containsExactly(userId);
        assertThat(directory.organizationsOf(userId)).extracting(DirectoryOrganization::alias).containsExactly(alias);

        directory.removeMember(orgId, userId);
        directory.removeMember(orgId, userId);
        assertThat(directory.members(orgId)).isEmpty();
        assertThat(directory.organizationsOf(userId)).isEmpty();

        directory.logoutUser(userId);
        directory.deleteUser(userId);
        directory.deleteUser(userId);
        assertThat(directory.findUserByEmail(email)).isEmpty();
        directory.deleteOrganization(orgId);
        directory.deleteOrganization(orgId);
        assertThat(directory.findOrganization(alias)).isEmpty();
    }

    @Test
    void aTokenRequestedWithOrganizationStarListsTheAliasesOfTheUsersOrganizations() throws Exception {
        String school = "school-" + shortId();
        String college = "college-" + shortId();
        String other = "other-" + shortId();
        String schoolId = directory.ensureOrganization(school, "School " + school);
        String collegeId = directory.ensureOrganization(college, "College " + college);
        directory.ensureOrganization(other, "Other " + other);
        String email = "guardian-" + shortId() + "@example.org";
        String userId = directory.ensureUser(email, "Ada", "Lovelace", "Secret-password-1", "en");
        directory.addMember(schoolId, userId);
        directory.addMember(collegeId, userId);

        // The code flow needs a browser (the portal's tests do it); here the same client, with its secret and its
        // scopes, answers a password grant that is switched on for this test only.
        ClientRepresentation client = directory.realmResource().clients().findByClientId("tutela-portal").getFirst();
        client.setDirectAccessGrantsEnabled(true);
        directory.realmResource().clients().get(client.getId()).update(client);
        try {
            HttpResponse<String> response = passwordGrant(email, "Secret-password-1", "openid organization:*");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode token = JSON.readTree(response.body());
            JsonNode access = claims(token.get("access_token").asText());
            JsonNode id = claims(token.get("id_token").asText());
            assertThat(aliases(access.get("organization"))).containsExactlyInAnyOrder(school, college);
            assertThat(aliases(id.get("organization"))).containsExactlyInAnyOrder(school, college);

            HttpResponse<String> withoutScope = passwordGrant(email, "Secret-password-1", "openid");
            assertThat(claims(JSON.readTree(withoutScope.body()).get("access_token").asText()).has("organization")).isFalse();
        } finally {
            directory.ensureRealm(RealmSpec.tutelaOnLoopback(SECRET)); // puts the client back to standard flow only
        }
        assertThat(passwordGrant(email, "Secret-password-1", "openid").statusCode()).isNotEqualTo(200);
        directory.deleteUser(userId);
    }

    @Test
    void loopbackRedirectsOnAnyPortAreAcceptedAndForeignOnesRefused() throws Exception {
        assertThat(authorize("http://127.0.0.1:54321/login/oauth2/code/keycloak").statusCode()).isEqualTo(200);
        assertThat(authorize("http://localhost:8081/login/oauth2/code/keycloak").statusCode()).isEqualTo(200);
        assertThat(authorize("http://evil.example/login/oauth2/code/keycloak").statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> authorize(String redirectUri) throws IOException, InterruptedException {
        String query = form(Map.of("client_id", "tutela-portal", "response_type", "code", "scope", "openid organization:*",
                "redirect_uri", redirectUri, "code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                "code_challenge_method", "S256", "state", "s"));
        return http.send(HttpRequest.newBuilder(URI.create(directory.issuerUri() + "/protocol/openid-connect/auth?" + query))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> passwordGrant(String username, String password, String scope)
            throws IOException, InterruptedException {
        String body = form(Map.of("grant_type", "password", "client_id", "tutela-portal", "client_secret", SECRET,
                "username", username, "password", password, "scope", scope));
        return http.send(HttpRequest.newBuilder(URI.create(directory.issuerUri() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode claims(String jwt) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    /** The claim is a list of aliases (or, with ids switched on in the mapper, an object keyed by alias). */
    private static List<String> aliases(JsonNode claim) {
        assertThat(claim).as("organization claim").isNotNull();
        List<String> result = new ArrayList<>();
        if (claim.isArray()) {
            claim.forEach(n -> result.add(n.asText()));
        } else {
            claim.fieldNames().forEachRemaining(result::add);
        }
        return result;
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aShortPasswordOrOneThatIsTheEmailIsRefused() {
        String email = "weak-" + shortId() + "@example.org";
        assertThatThrownBy(() -> directory.ensureUser(email, "Wendy", "Weak", "short-1", "fr"))
                .isInstanceOf(DirectoryException.class).hasMessageContaining("400");
        assertThatThrownBy(() -> directory.ensureUser(email, "Wendy", "Weak", email, "fr"))
                .isInstanceOf(DirectoryException.class).hasMessageContaining("400");
        assertThat(directory.findUserByEmail(email)).isEmpty();
    }
}
