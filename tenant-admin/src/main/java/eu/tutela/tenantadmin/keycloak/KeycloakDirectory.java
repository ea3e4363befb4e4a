package eu.tutela.tenantadmin.keycloak;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.client.jaxrs.internal.ResteasyClientBuilderImpl;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.spi.StreamMessageBodyReader;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything Tutela asks of Keycloak's admin API, on one realm (default {@code tutela}). All {@code ensure...}
 * operations are idempotent. Keycloak being unreachable surfaces as {@link DirectoryUnavailableException}, any other
 * refusal as {@link DirectoryException}; no RESTEasy exception escapes.
 *
 * <p>Thread-safe; holds an HTTP connection pool, so {@link #close()} it (a Spring bean's destroy method does).
 */
public final class KeycloakDirectory implements AutoCloseable {

    /** The client scope that puts the {@code organization} claim into tokens (request {@code organization:*}). */
    public static final String ORGANIZATION_SCOPE = "organization";
    /** The scope value a client requests to get the aliases of all the user's organizations in the token. */
    public static final String ALL_ORGANIZATIONS_SCOPE = "organization:*";

    /** The realm-management roles of the directory client's service account: people and organizations, nothing else. */
    public static final List<String> DIRECTORY_ROLES = List.of("query-users", "view-users", "manage-users", "manage-organizations");

    private static final Logger LOG = LoggerFactory.getLogger(KeycloakDirectory.class);
    private static final int PAGE = 100;

    private final String serverUrl;
    private final String realmName;
    private final Keycloak keycloak;

    /** Administers realm {@code tutela} as the given master-realm administrator (through {@code admin-cli}). */
    public KeycloakDirectory(String serverUrl, String adminUsername, String adminPassword) {
        this(serverUrl, adminUsername, adminPassword, RealmSpec.DEFAULT_REALM);
    }

    /**
     * Administers {@code realm} as the given master-realm administrator (through {@code admin-cli}): what creating the
     * realm itself needs, on a Keycloak the project started (the embedded default, the tests). In production use
     * {@link #asServiceAccount}.
     */
    public KeycloakDirectory(String serverUrl, String adminUsername, String adminPassword, String realm) {
        this(serverUrl, realm, KeycloakBuilder.builder()
                .serverUrl(stripTrailingSlash(Objects.requireNonNull(serverUrl, "serverUrl")))
                .realm("master")
                .clientId("admin-cli")
                .grantType(OAuth2Constants.PASSWORD)
                .username(Objects.requireNonNull(adminUsername, "adminUsername"))
                .password(Objects.requireNonNull(adminPassword, "adminPassword")));
    }

    private KeycloakDirectory(String serverUrl, String realm, KeycloakBuilder builder) {
        this.serverUrl = stripTrailingSlash(Objects.requireNonNull(serverUrl, "serverUrl"));
        this.realmName = Objects.requireNonNull(realm, "realm");
        this.keycloak = builder
                .resteasyClient(new ResteasyClientBuilderImpl()
                        .connectionPoolSize(10)
                        .connectTimeout(5, TimeUnit.SECONDS)
                        .readTimeout(60, TimeUnit.SECONDS)
                        .register(StreamMessageBodyReader.class)
                        .register(JacksonProvider.class, 100)
                        .build())
                .build();
    }

    /**
     * Administers {@code realm} as the service account of a confidential client of that realm (client credentials):
     * only the users and organizations of that one realm, with the roles {@link #ensureRealm} gives
     * {@link RealmSpec#DIRECTORY_CLIENT_ID}. What the portal holds in production; no master-realm credentials.
     */
    public static KeycloakDirectory asServiceAccount(String serverUrl, String realm, String clientId, String clientSecret) {
        return new KeycloakDirectory(serverUrl, realm, KeycloakBuilder.builder()
                .serverUrl(stripTrailingSlash(Objects.requireNonNull(serverUrl, "serverUrl")))
                .realm(realm)
                .clientId(Objects.requireNonNull(clientId, "clientId"))
                .clientSecret(Objects.requireNonNull(clientSecret, "clientSecret"))
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS));
    }

    public String serverUrl() {
        return serverUrl;
    }

    public String realmName() {
        return realmName;
    }

    /** {@code <serverUrl>/realms/<realm>}: the OIDC issuer URI the portal configures. */
    public String issuerUri() {
        return serverUrl + "/realms/" + realmName;
    }

    // ---------------------------------------------------------------- realm and client

    /**
     * Creates or updates the realm and its portal client: Organizations on, e-mail as username, no self-registration,
     * FR (default) and EN, confidential client with standard flow only, PKCE S256, the given redirect URIs and secret,
     * and the {@code organization} scope as an optional client scope.
     *
     * @throws IllegalArgumentException if the spec's realm is not this directory's realm
     */
    public void ensureRealm(RealmSpec spec) {
        if (!spec.realm().equals(realmName)) {
            throw new IllegalArgumentException("This directory administers realm '" + realmName + "', not '" + spec.realm() + "'");
        }
        call("ensure realm " + realmName, () -> {
            boolean exists = keycloak.realms().findAll().stream().anyMatch(r -> r.getRealm().equals(realmName));
            RealmRepresentation rep = exists ? api().toRepresentation() : new RealmRepresentation();
            rep.setRealm(realmName);
            rep.setDisplayName(spec.displayName());
            rep.setEnabled(true);
            rep.setOrganizationsEnabled(true);
            // An invited colleague or parent creates their own account (with the invited address); an account alone
            // opens nothing: rights come from the portal's memberships.
            rep.setRegistrationAllowed(true);
            rep.setRegistrationEmailAsUsername(true);
            rep.setLoginWithEmailAllowed(true);
            rep.setDuplicateEmailsAllowed(false);
            rep.setEditUsernameAllowed(false);
            rep.setInternationalizationEnabled(true);
            rep.setSupportedLocales(new LinkedHashSet<>(List.of("fr", "en")));
            rep.setDefaultLocale("fr");
            harden(rep);
            if (spec.smtp() != null) {
                rep.setSmtpServer(new HashMap<>(Map.of("host", spec.smtp().host(), "port", String.valueOf(spec.smtp().port()),
                        "from", spec.smtp().from(), "fromDisplayName", spec.displayName())));
            }
            if (exists) {
                api().update(rep);
            } else {
                keycloak.realms().create(rep);
                LOG.info("Created realm {} on {}", realmName, serverUrl);
            }
            return null;
        });
        String organizationScopeId = ensureOrganizationScope();
        ensureClient(spec, organizationScopeId);
        if (spec.directoryClientSecret() != null) {
            ensureDirectoryClient(spec.directoryClientSecret());
        }
    }

    /**
     * Guessing passwords is slowed down and then locked out, passwords are long and not the e-mail, an e-mail that
     * Keycloak has not verified is verified before the account is used, and tokens and sessions are short-lived
     * (the portal refreshes them; a stolen access token is worth five minutes).
     */
    private static void harden(RealmRepresentation rep) {
        rep.setBruteForceProtected(true);
        rep.setPermanentLockout(false);
        rep.setFailureFactor(5);
        rep.setWaitIncrementSeconds(60);
        rep.setMaxFailureWaitSeconds(900);
        rep.setMaxDeltaTimeSeconds(43_200);
        rep.setPasswordPolicy("length(12) and notUsername(undefined) and notEmail(undefined)");
        rep.setVerifyEmail(true);
        rep.setResetPasswordAllowed(true);
        rep.setAccessTokenLifespan(300);
        rep.setAccessCodeLifespan(60);
        rep.setSsoSessionIdleTimeout(1_800);
        rep.setSsoSessionMaxLifespan(36_000);
        rep.setOfflineSessionIdleTimeout(604_800);
        rep.setActionTokenGeneratedByUserLifespan(900);
    }

    private void ensureDirectoryClient(String secret) {
        call("ensure client " + RealmSpec.DIRECTORY_CLIENT_ID, () -> {
            Optional<ClientRepresentation> existing = api().clients().findByClientId(RealmSpec.DIRECTORY_CLIENT_ID).stream().findFirst();
            ClientRepresentation rep = existing.orElseGet(ClientRepresentation::new);
            rep.setClientId(RealmSpec.DIRECTORY_CLIENT_ID);
            rep.setName("Tutela portal: users and organizations");
            rep.setEnabled(true);
            rep.setProtocol("openid-connect");
            rep.setPublicClient(false);
            rep.setBearerOnly(false);
            rep.setClientAuthenticatorType("client-secret");
            rep.setSecret(secret);
            rep.setServiceAccountsEnabled(true);
            rep.setStandardFlowEnabled(false);
            rep.setImplicitFlowEnabled(false);
            rep.setDirectAccessGrantsEnabled(false);
            rep.setRedirectUris(List.of());
            String id;
            if (existing.isPresent()) {
                id = existing.get().getId();
                api().clients().get(id).update(rep);
            } else {
                try (Response response = api().clients().create(rep)) {
                    expectCreated(response, "create client " + RealmSpec.DIRECTORY_CLIENT_ID);
                    id = CreatedResponseUtil.getCreatedId(response);
                }
            }
            String serviceAccount = api().clients().get(id).getServiceAccountUser().getId();
            ClientRepresentation realmManagement = api().clients().findByClientId("realm-management").getFirst();
            var assigned = api().users().get(serviceAccount).roles().clientLevel(realmManagement.getId());
            List<String> held = assigned.listAll().stream().map(RoleRepresentation::getName).toList();
            List<RoleRepresentation> missing = DIRECTORY_ROLES.stream().filter(role -> !held.contains(role))
                    .map(role -> api().clients().get(realmManagement.getId()).roles().get(role).toRepresentation()).toList();
            if (!missing.isEmpty()) {
                assigned.add(missing);
            }
            List<RoleRepresentation> extra = assigned.listAll().stream().filter(r -> !DIRECTORY_ROLES.contains(r.getName())).toList();
            if (!extra.isEmpty()) {
                assigned.remove(extra);
            }
            return null;
        });
    }

    private String ensureOrganizationScope() {
        return call("ensure client scope " + ORGANIZATION_SCOPE, () -> {
            Optional<ClientScopeRepresentation> existing = api().clientScopes().findAll().stream()
                    .filter(s -> ORGANIZATION_SCOPE.equals(s.getName())).findFirst();
            if (existing.isPresent()) {
                return existing.get().getId();
            }
            // Keycloak 26 creates this scope with every new realm; recreate it if someone removed it.
            ClientScopeRepresentation scope = new ClientScopeRepresentation();
            scope.setName(ORGANIZATION_SCOPE);
            scope.setProtocol("openid-connect");
            scope.setAttributes(new HashMap<>(Map.of("include.in.token.scope", "true", "display.on.consent.screen", "true")));
            ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
            mapper.setName("organization");
            mapper.setProtocol("openid-connect");
            mapper.setProtocolMapper("oidc-organization-membership-mapper");
            mapper.setConfig(new HashMap<>(Map.of("claim.name", "organization", "access.token.claim", "true",
                    "id.token.claim", "true", "introspection.token.claim", "true", "multivalued", "true")));
            scope.setProtocolMappers(List.of(mapper));
            try (Response response = api().clientScopes().create(scope)) {
                expectCreated(response, "create client scope " + ORGANIZATION_SCOPE);
                return CreatedResponseUtil.getCreatedId(response);
            }
        });
    }

    private void ensureClient(RealmSpec spec, String organizationScopeId) {
        call("ensure client " + spec.clientId(), () -> {
            Optional<ClientRepresentation> existing = api().clients().findByClientId(spec.clientId()).stream().findFirst();
            ClientRepresentation rep = existing.orElseGet(ClientRepresentation::new);
            rep.setClientId(spec.clientId());
            rep.setName("Tutela portal");
            rep.setEnabled(true);
            rep.setProtocol("openid-connect");
            rep.setPublicClient(false);
            rep.setBearerOnly(false);
            rep.setClientAuthenticatorType("client-secret");
            rep.setSecret(spec.clientSecret());
            rep.setStandardFlowEnabled(true);
            rep.setImplicitFlowEnabled(false);
            rep.setDirectAccessGrantsEnabled(false);
            rep.setServiceAccountsEnabled(false);
            rep.setRedirectUris(spec.redirectUris());
            rep.setWebOrigins(List.of("+"));
            Map<String, String> attributes = rep.getAttributes() == null ? new HashMap<>() : new HashMap<>(rep.getAttributes());
            attributes.put("pkce.code.challenge.method", "S256");
            attributes.put("post.logout.redirect.uris", String.join("##", spec.postLogoutRedirectUris()));
            attributes.put("oauth2.device.authorization.grant.enabled", "false");
            attributes.put("oidc.ciba.grant.enabled", "false");
            if (spec.backchannelLogoutUrl() != null) {
                attributes.put("backchannel.logout.url", spec.backchannelLogoutUrl());
                attributes.put("backchannel.logout.session.required", "true");
            }
            rep.setAttributes(attributes);
            String id;
            if (existing.isPresent()) {
                id = existing.get().getId();
                api().clients().get(id).update(rep);
            } else {
                try (Response response = api().clients().create(rep)) {
                    expectCreated(response, "create client " + spec.clientId());
                    id = CreatedResponseUtil.getCreatedId(response);
                }
            }
            ClientResource client = api().clients().get(id);
            boolean assigned = client.getOptionalClientScopes().stream().anyMatch(s -> s.getId().equals(organizationScopeId))
                    || client.getDefaultClientScopes().stream().anyMatch(s -> s.getId().equals(organizationScopeId));
            if (!assigned) {
                client.addOptionalClientScope(organizationScopeId);
            }
            return null;
        });
    }

    // ---------------------------------------------------------------- organizations

    /**
     * The organization with this alias, created (enabled, no domain) if missing; an existing one gets {@code name}
     * and keeps its enabled state (an organization disabled on purpose stays disabled).
     *
     * @return its id
     */
    public String ensureOrganization(String alias, String name) {
        requireText(alias, "alias");
        requireText(name, "name");
        return call("ensure organization " + alias, () -> {
            Optional<OrganizationRepresentation> existing = findOrganizationRepresentation(alias);
            if (existing.isPresent()) {
                OrganizationRepresentation rep = existing.get();
                if (!name.equals(rep.getName())) {
                    rep.setName(name);
                    try (Response response = api().organizations().get(rep.getId()).update(rep)) {
                        expectSuccess(response, "update organization " + alias);
                    }
                }
                return rep.getId();
            }
            OrganizationRepresentation rep = new OrganizationRepresentation();
            rep.setAlias(alias);
            rep.setName(name);
            rep.setEnabled(true);
            try (Response response = api().organizations().create(rep)) {
                if (response.getStatus() == 409) { // made meanwhile by another run
                    Optional<OrganizationRepresentation> made = findOrganizationRepresentation(alias);
                    if (made.isPresent()) {
                        return made.get().getId();
                    }
                }
                expectCreated(response, "create organization " + alias + " (name '" + name + "')");
                String id = CreatedResponseUtil.getCreatedId(response);
                LOG.info("Created organization {} ({})", alias, id);
                return id;
            }
        });
    }

    public Optional<DirectoryOrganization> findOrganization(String alias) {
        return call("find organization " + alias, () -> findOrganizationRepresentation(alias).map(KeycloakDirectory::toOrganization));
    }

    /** All organizations of the realm. */
    public List<DirectoryOrganization> organizations() {
        return call("list organizations", () -> {
            List<DirectoryOrganization> result = new ArrayList<>();
            for (int first = 0; ; first += PAGE) {
                List<OrganizationRepresentation> page = api().organizations().list(first, PAGE);
                page.forEach(o -> result.add(toOrganization(o)));
                if (page.size() < PAGE) {
                    return result;
                }
            }
        });
    }

    private Optional<OrganizationRepresentation> findOrganizationRepresentation(String alias) {
        for (int first = 0; ; first += PAGE) {
            List<OrganizationRepresentation> page = api().organizations().list(first, PAGE);
            Optional<OrganizationRepresentation> match = page.stream().filter(o -> alias.equals(o.getAlias())).findFirst();
            if (match.isPresent() || page.size() < PAGE) {
                return match;
            }
        }
    }

    /** Deletes the organization (its members stay as users). Nothing happens if it does not exist. */
    public void deleteOrganization(String organizationId) {
        call("delete organization " + organizationId, () -> {
            try (Response response = api().organizations().get(organizationId).delete()) {
                if (response.getStatus() != 404) {
                    expectSuccess(response, "delete organization " + organizationId);
                }
            }
            return null;
        });
    }

    /** Makes the user a member. Nothing happens if it already is one. */
    public void addMember(String organizationId, String userId) {
        call("add member " + userId + " to organization " + organizationId, () -> {
            try (Response response = api().organizations().get(organizationId).members().addMember(userId)) {
                if (response.getStatus() != 409) {
                    expectSuccess(response, "add member " + userId + " to organization " + organizationId);
                }
            }
            return null;
        });
    }

    /** Ends the membership. Nothing happens if the user is not a member. */
    public void removeMember(String organizationId, String userId) {
        call("remove member " + userId + " from organization " + organizationId, () -> {
            try (Response response = api().organizations().get(organizationId).members().member(userId).delete()) {
                if (response.getStatus() != 404) {
                    expectSuccess(response, "remove member " + userId + " from organization " + organizationId);
                }
            }
            return null;
        });
    }

    public List<DirectoryUser> members(String organizationId) {
        return call("list members of organization " + organizationId, () -> {
            List<DirectoryUser> result = new ArrayList<>();
            for (int first = 0; ; first += PAGE) {
                List<? extends UserRepresentation> page = api().organizations().get(organizationId).members().list(first, PAGE);
                page.forEach(u -> result.add(toUser(u)));
                if (page.size() < PAGE) {
                    return result;
                }
            }
        });
    }

    public List<DirectoryOrganization> organizationsOf(String userId) {
        return call("list organizations of user " + userId, () -> api().organizations().members()
                .getOrganizations(userId, true).stream().map(KeycloakDirectory::toOrganization).toList());
    }

    // ---------------------------------------------------------------- users

    /**
     * The user with this e-mail address; created if missing (enabled, e-mail verified, non-temporary password, no
     * required actions, the given locale). An existing user is returned as it is: its password is not touched (use
     * {@link #setPassword(String, String)}).
     *
     * @param password may be null: the user then has no password (e.g. an invited person sets one later)
     * @return its id
     */
    public String ensureUser(String email, String firstName, String lastName, String password, String locale) {
        requireText(email, "email");
        String normalized = email.trim().toLowerCase(java.util.Locale.ROOT);
        return call("ensure user " + normalized, () -> {
            Optional<UserRepresentation> existing = findUserRepresentation(normalized);
            if (existing.isPresent()) {
                return existing.get().getId();
            }
            UserRepresentation rep = new UserRepresentation();
            rep.setUsername(normalized);
            rep.setEmail(normalized);
            rep.setFirstName(firstName);
            rep.setLastName(lastName);
            rep.setEnabled(true);
            rep.setEmailVerified(true);
            rep.setRequiredActions(List.of());
            if (locale != null && !locale.isBlank()) {
                rep.setAttributes(new HashMap<>(Map.of("locale", List.of(locale))));
            }
            if (password != null) {
                rep.setCredentials(List.of(passwordCredential(password)));
            }
            try (Response response = api().users().create(rep)) {
                if (response.getStatus() == 409) { // created meanwhile by someone else
                    return findUserRepresentation(normalized).map(UserRepresentation::getId)
                            .orElseThrow(() -> new DirectoryException("Keycloak reports a conflict creating user "
                                    + normalized + " but no user has that e-mail", 409, null));
                }
                expectCreated(response, "create user " + normalized);
                return CreatedResponseUtil.getCreatedId(response);
            }
        });
    }

    /** Sets a non-temporary password. */
    public void setPassword(String userId, String password) {
        call("set password of user " + userId, () -> {
            api().users().get(userId).resetPassword(passwordCredential(password));
            return null;
        });
    }

    /** The user with this id (the subject of their tokens), if it exists. */
    public Optional<DirectoryUser> findUser(String userId) {
        return call("find user " + userId, () -> {
            try {
                return Optional.of(toUser(api().users().get(userId).toRepresentation()));
            } catch (jakarta.ws.rs.NotFoundException e) {
                return Optional.<DirectoryUser>empty();
            }
        });
    }

    public Optional<DirectoryUser> findUserByEmail(String email) {
        String normalized = email.trim().toLowerCase(java.util.Locale.ROOT);
        return call("find user " + normalized, () -> findUserRepresentation(normalized).map(KeycloakDirectory::toUser));
    }

    private Optional<UserRepresentation> findUserRepresentation(String normalizedEmail) {
        return api().users().searchByEmail(normalizedEmail, true).stream()
                .filter(u -> normalizedEmail.equalsIgnoreCase(u.getEmail())).findFirst();
    }

    /** Deletes the user. Nothing happens if it does not exist. */
    public void deleteUser(String userId) {
        call("delete user " + userId, () -> {
            try (Response response = api().users().delete(userId)) {
                if (response.getStatus() != 404) {
                    expectSuccess(response, "delete user " + userId);
                }
            }
            return null;
        });
    }

    /** Ends all the user's sessions (e.g. after a membership was withdrawn). */
    public void logoutUser(String userId) {
        call("log out user " + userId, () -> {
            api().users().get(userId).logout();
            return null;
        });
    }

    // ---------------------------------------------------------------- plumbing

    /** Raw access for what this class does not cover yet (tests, one-off operations). */
    public RealmResource realmResource() {
        return api();
    }

    /** The version the Keycloak server reports (needs the master-realm administrator). */
    public String serverVersion() {
        return call("read server info", () -> keycloak.serverInfo().getInfo().getSystemInfo().getVersion());
    }

    /** Checks that Keycloak answers and the admin credentials work. */
    public void ping() {
        call("ping", () -> keycloak.serverInfo().getInfo());
    }

    @Override
    public void close() {
        keycloak.close();
    }

    private RealmResource api() {
        return keycloak.realm(realmName);
    }

    private <T> T call(String operation, Supplier<T> action) {
        try {
            return action.get();
        } catch (DirectoryException e) {
            throw e;
        } catch (ProcessingException e) {
            if (hasCause(e, IOException.class)) {
                throw new DirectoryUnavailableException(serverUrl, operation, e);
            }
            // A refused token request (wrong client secret, wrong grant) arrives wrapped: keep its status.
            WebApplicationException refusal = causeOf(e, WebApplicationException.class);
            int status = refusal == null || refusal.getResponse() == null ? 0 : refusal.getResponse().getStatus();
            throw new DirectoryException("Keycloak at " + serverUrl + " failed to " + operation + ": " + e.getMessage(), status, e);
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            throw new DirectoryException("Keycloak at " + serverUrl + " refused to " + operation + ": HTTP " + status
                    + describe(e.getResponse()), status, e);
        }
    }

    private static void expectCreated(Response response, String operation) {
        if (response.getStatus() != 201) {
            throw new DirectoryException("Keycloak refused to " + operation + ": HTTP " + response.getStatus()
                    + describe(response), response.getStatus(), null);
        }
    }

    private static void expectSuccess(Response response, String operation) {
        if (response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
            throw new DirectoryException("Keycloak refused to " + operation + ": HTTP " + response.getStatus()
                    + describe(response), response.getStatus(), null);
        }
    }

    private static String describe(Response response) {
        if (response == null) {
            return "";
        }
        try {
            response.bufferEntity();
            String body = response.readEntity(String.class);
            return body == null || body.isBlank() ? "" : " " + body;
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        return causeOf(t, type) != null;
    }

    private static <E extends Throwable> E causeOf(Throwable t, Class<E> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    private static CredentialRepresentation passwordCredential(String password) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        return credential;
    }

    private static DirectoryOrganization toOrganization(OrganizationRepresentation o) {
        return new DirectoryOrganization(o.getId(), o.getAlias(), o.getName(), o.isEnabled());
    }

    private static DirectoryUser toUser(UserRepresentation u) {
        String locale = u.getAttributes() == null || u.getAttributes().get("locale") == null
                || u.getAttributes().get("locale").isEmpty() ? null : u.getAttributes().get("locale").getFirst();
        return new DirectoryUser(u.getId(), u.getEmail(), u.getFirstName(), u.getLastName(),
                Boolean.TRUE.equals(u.isEnabled()), locale);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return "KeycloakDirectory[" + issuerUri() + "]";
    }

}
