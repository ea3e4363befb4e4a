package eu.tutela.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import eu.tutela.portal.audit.AuditEntry;
import eu.tutela.portal.audit.AuditFilter;
import eu.tutela.portal.audit.AuditTrail;
import eu.tutela.portal.support.CaughtMail;
import eu.tutela.portal.support.OwnerDatabase;
import eu.tutela.portal.tenancy.InvalidInputException;
import eu.tutela.portal.tenancy.Memberships;
import eu.tutela.portal.tenancy.Tenant;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantDirectory;
import eu.tutela.portal.tenancy.TenantRole;
import eu.tutela.portal.tenancy.TenantSettings;
import eu.tutela.portal.tenancy.TenantSettingsService;
import eu.tutela.tenantadmin.keycloak.KeycloakDirectory;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

/**
 * Members and invitations against the real database, Keycloak and SMTP server: who may do what,
 * what an invitation link allows, and what another tenant's ids get.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MembersAndInvitationsIT {

    private static final Pattern LINK = Pattern.compile("/invitation/([A-Za-z0-9_-]{43})");

    @Autowired
    Members members;
    @Autowired
    Invitations invitations;
    @Autowired
    Memberships memberships;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    TenantSettingsService settings;
    @Autowired
    PortalUsers users;
    @Autowired
    AuditTrail trail;
    @Autowired
    IdentityProvider identity;
    @Autowired
    Environment env;

    KeycloakDirectory directory;
    Tenant school;
    UUID admin;

    @BeforeEach
    void aSchoolWithItsAdministrator() {
        directory = identity.awaitDirectory(Duration.ofMinutes(2));
        // A school of its own for each test: what one test leaves does not count in another.
        String slug = "members-" + UUID.randomUUID().toString().substring(0, 8);
        school = tenants.ensure(slug, "Members School " + slug, "FR", "fr");
        directory.ensureOrganization(school.slug(), school.name());
        admin = users.register("admin@members-school.example", "Ada Admin");
        TenantContext.runAs(school.id(), () -> memberships.grant(admin, TenantRole.ADMIN));
        SignedInAs.person(admin, school.slug());
    }

    @AfterEach
    void signOut() {
        SignedInAs.nobody();
    }

    @Test
    void anInvitationIsMailedWithASingleUseLinkOfWhichOnlyTheHashIsKept() throws Exception {
        Invitation sent = inSchool(() -> invitations.invite("Jeanne.DPO@members-school.example", TenantRole.DPO, Locale.FRENCH));
        assertThat(sent.email()).isEqualTo("jeanne.dpo@members-school.example");
        String token = awaitLink("jeanne.dpo@members-school.example");

        String stored = OwnerDatabase.inTenant(env, school.id(), owner -> owner.sql("select token_hash from invitation where id = ?")
                .param(sent.id()).query(String.class).single());
        assertThat(stored).isEqualTo(LinkToken.hash(token)).doesNotContain(token);
        List<AuditEntry> entries = inSchool(() -> trail.page(new AuditFilter(null, null, null, "invitation.sent", null), 0, 10));
        assertThat(entries).hasSize(1);
        assertThat(entries.getFirst().summary()).contains("DPO").doesNotContain(token);

        InvitationLink link = invitations.follow(token);
        assertThat(link.state()).isEqualTo(InvitationLink.State.VALID);
        assertThat(link.tenantName()).isEqualTo(school.name());
        assertThat(link.role()).isEqualTo(TenantRole.DPO);
        assertThat(invitations.follow(token.substring(1) + "A").state()).isEqualTo(InvitationLink.State.UNKNOWN);
        assertThat(invitations.follow("../../etc/passwd").state()).isEqualTo(InvitationLink.State.UNKNOWN);
    }

    @Test
    void theInviteeJoinsWithTheRoleAndTheOrganizationAndTheLinkIsThenUsedUp() {
        inSchool(() -> invitations.invite("staff.joiner@members-school.example", TenantRole.STAFF, Locale.ENGLISH));
        String token = awaitLink("staff.joiner@members-school.example");

        String someoneElse = directory.ensureUser("other.person@members-school.example", "Otto", "Other", "Otto-Other-2026!", "en");
        UUID otherId = asPlatform(() -> users.register("other.person@members-school.example", "Otto Other"));
        SignedInAs.withSubject(someoneElse, otherId);
        assertRefused(() -> invitations.accept(token), InvitationRefusedException.Reason.SOMEONE_ELSE);

        String keycloakId = directory.ensureUser("staff.joiner@members-school.example", "Sam", "Joiner", "Sam-Joiner-2026!", "en");
        UUID joiner = asPlatform(() -> users.register("staff.joiner@members-school.example", "Sam Joiner"));
        SignedInAs.withSubject(keycloakId, joiner);
        assertThat(invitations.accept(token)).isEqualTo(school.slug());

        assertThat(TenantContext.callAs(school.id(), () -> memberships.rolesInCurrentTenant(joiner))).containsExactly(TenantRole.STAFF);
        String organization = directory.findOrganization(school.slug()).orElseThrow().id();
        assertThat(directory.members(organization)).anyMatch(u -> u.id().equals(keycloakId));
        assertThat(invitations.follow(token).state()).isEqualTo(InvitationLink.State.USED);
        assertRefused(() -> invitations.accept(token), InvitationRefusedException.Reason.USED);
    }

    @Test
    void expiredAndRevokedLinksAreRefusedAndResendingReplacesTheLink() {
        Invitation expiring = inSchool(() -> invitations.invite("late@members-school.example", TenantRole.STAFF, Locale.ENGLISH));
        String expired = awaitLink("late@members-school.example");
        OwnerDatabase.inTenant(env, school.id(), owner -> owner.sql("update invitation set expires_at = now() - interval '1 minute' where id = ?")
                .param(expiring.id()).update());
        assertThat(invitations.follow(expired).state()).isEqualTo(InvitationLink.State.EXPIRED);

        inSchool(() -> invitations.resend(expiring.id()));
        await().atMost(Duration.ofSeconds(30)).until(() -> links("late@members-school.example").size() == 2);
        String fresh = links("late@members-school.example").getLast();
        assertThat(invitations.follow(expired).state()).isEqualTo(InvitationLink.State.UNKNOWN);
        assertThat(invitations.follow(fresh).state()).isEqualTo(InvitationLink.State.VALID);

        inSchool(() -> {
            invitations.revoke(expiring.id());
            return null;
        });
        assertThat(invitations.follow(fresh).state()).isEqualTo(InvitationLink.State.REVOKED);
    }

    @Test
    void badInvitationsAreRefusedOnTheirFieldAndChangeNothing() {
        assertProblem(() -> inSchool(() -> invitations.invite("not an address", TenantRole.STAFF, Locale.ENGLISH)), "email",
                "members.error.email");
        assertProblem(() -> inSchool(() -> invitations.invite("admin@members-school.example", TenantRole.DPO, Locale.ENGLISH)), "email",
                "members.error.alreadyMember");
        assertProblem(() -> inSchool(() -> invitations.invite("parent@members-school.example", TenantRole.GUARDIAN, Locale.ENGLISH)),
                "role", "members.error.role");
        assertThat(inSchool(invitations::open)).isEmpty();
    }

    @Test
    void theLastAdministratorCanNeitherLeaveNorBeDemotedAndARemovedMemberLeavesTheOrganization() {
        assertProblem(() -> inSchool(() -> {
            members.changeRole(admin, TenantRole.STAFF);
            return null;
        }), "role", "members.error.lastAdmin");
        assertProblem(() -> inSchool(() -> {
            members.remove(admin);
            return null;
        }), "role", "members.error.lastAdmin");
        assertThat(inSchool(() -> memberships.rolesInCurrentTenant(admin))).containsExactly(TenantRole.ADMIN);

        String keycloakId = directory.ensureUser("leaver@members-school.example", "Lea", "Leaver", "Lea-Leaver-2026!", "en");
        String organization = directory.findOrganization(school.slug()).orElseThrow().id();
        directory.addMember(organization, keycloakId);
        UUID leaver = member(school, "leaver@members-school.example", "Lea Leaver", TenantRole.DPO);

        inSchool(() -> {
            members.changeRole(leaver, TenantRole.ADMIN);
            return null;
        });
        assertThat(inSchool(members::list)).filteredOn(m -> m.userId().equals(leaver))
                .singleElement().extracting(Member::roles).isEqualTo(Set.of(TenantRole.ADMIN));
        // Two administrators now: the first may step down.
        inSchool(() -> {
            members.remove(leaver);
            return null;
        });
        assertThat(inSchool(() -> memberships.rolesInCurrentTenant(leaver))).isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.members(organization).stream().noneMatch(u -> u.id().equals(keycloakId)));
        assertThat(inSchool(() -> trail.page(new AuditFilter(null, null, null, "membership.revoked", null), 0, 10)))
                .extracting(AuditEntry::subjectLabel).contains("leaver@members-school.example");
    }

    @Test
    void anEventLeftUndeliveredByADeadReplicaIsDeliveredAgain() {
        String organization = directory.findOrganization(school.slug()).orElseThrow().id();
        String firstId = directory.ensureUser("first.leaver@members-school.example", "Fay", "First", "Fay-First-Leaver-26", "en");
        String secondId = directory.ensureUser("second.leaver@members-school.example", "Sid", "Second", "Sid-Second-Leaver-26", "en");
        directory.addMember(organization, firstId);
        directory.addMember(organization, secondId);
        UUID first = member(school, "first.leaver@members-school.example", "Fay First", TenantRole.STAFF);
        UUID second = member(school, "second.leaver@members-school.example", "Sid Second", TenantRole.STAFF);

        inSchool(() -> {
            members.remove(first);
            return null;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.members(organization).stream().noneMatch(u -> u.id().equals(firstId)));
        JdbcClient owner = OwnerDatabase.of(env);
        Map<String, Object> delivered = owner.sql("select listener_id, event_type, serialized_event from event_publication "
                        + "where serialized_event like ? and completion_date is not null")
                .param("%first.leaver@members-school.example%").query().listOfRows().getFirst();

        // The second removal committed with its publication, and its replica died before telling Keycloak.
        UUID publication = UUID.randomUUID();
        owner.sql("insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status, "
                        + "completion_attempts) values (?, ?, ?, ?, now() - interval '5 minutes', 'PUBLISHED', 1)")
                .params(publication, delivered.get("listener_id"), delivered.get("event_type"),
                        ((String) delivered.get("serialized_event")).replace("first.leaver@", "second.leaver@")
                                .replace(first.toString(), second.toString()))
                .update();

        await().atMost(Duration.ofSeconds(60)).until(() -> directory.members(organization).stream().noneMatch(u -> u.id().equals(secondId)));
        await().atMost(Duration.ofSeconds(10)).until(() -> owner.sql("select completion_date is not null from event_publication where id = ?")
                .param(publication).query(Boolean.class).single());
    }

    @Test
    void anotherTenantsAdministratorGetsNothingWhateverTheIds() {
        Invitation ours = inSchool(() -> invitations.invite("ours@members-school.example", TenantRole.STAFF, Locale.ENGLISH));
        Tenant other = asPlatform(() -> tenants.ensure("members-other", "Members Other", "BE", "en"));
        UUID otherAdmin = member(other, "admin@members-other.example", "Olga Other", TenantRole.ADMIN);
        SignedInAs.person(otherAdmin, other.slug());

        // Our tenant's id: refused outright.
        assertThatThrownBy(() -> TenantContext.callAs(school.id(), members::list)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TenantContext.callAs(school.id(), settings::current)).isInstanceOf(AccessDeniedException.class);
        // Our ids inside their own tenant: not found, nothing changed.
        assertProblem(() -> TenantContext.callAs(other.id(), () -> {
            members.remove(admin);
            return null;
        }), "member", "members.error.notMember");
        assertProblem(() -> TenantContext.callAs(other.id(), () -> {
            invitations.revoke(ours.id());
            return null;
        }), "invitation", "members.error.invitationGone");
        assertThat(TenantContext.callAs(other.id(), invitations::open)).isEmpty();
        SignedInAs.person(admin, school.slug());
        assertThat(inSchool(invitations::open)).extracting(Invitation::id).contains(ours.id());
    }

    @Test
    void settingsChangesAreCheckedAndOnlyForAdministrators() {
        TenantSettings before = inSchool(settings::current);
        assertThat(before.digitalConsentAge()).isEqualTo(15);
        assertProblem(() -> inSchool(() -> settings.update(new TenantSettings.Change(before.displayName(), "not-a-colour", "FR", 12, "",
                List.of("fr"), "Mars/Olympus", null, "dpo@", null, null))), null, null);
        assertThat(inSchool(settings::current)).isEqualTo(before);

        UUID staff = member(school, "staff@members-school.example", "Stan Staff", TenantRole.STAFF);
        SignedInAs.person(staff, school.slug());
        assertThatThrownBy(() -> inSchool(() -> settings.update(before.toChange()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> inSchool(() -> invitations.invite("x@members-school.example", TenantRole.STAFF, Locale.ENGLISH)))
                .isInstanceOf(AccessDeniedException.class);
    }

    /** Set-up done as the platform would (no one signed in), then the signed-in person is put back. */
    private static <T> T asPlatform(java.util.function.Supplier<T> work) {
        var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        try {
            return work.get();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
        }
    }

    private UUID member(Tenant tenant, String email, String name, TenantRole role) {
        return asPlatform(() -> {
            UUID id = users.register(email, name);
            TenantContext.runAs(tenant.id(), () -> memberships.grant(id, role));
            return id;
        });
    }

    private <T> T inSchool(java.util.function.Supplier<T> work) {
        return TenantContext.callAs(school.id(), work);
    }

    private String awaitLink(String recipient) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !links(recipient).isEmpty());
        return links(recipient).getLast();
    }

    private static List<String> links(String recipient) {
        return CaughtMail.found(recipient, LINK);
    }

    private static void assertRefused(Runnable accept, InvitationRefusedException.Reason reason) {
        assertThatThrownBy(accept::run).isInstanceOfSatisfying(InvitationRefusedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static void assertProblem(Runnable work, String field, String key) {
        assertThatThrownBy(work::run).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            if (field != null) {
                assertThat(e.problems()).containsEntry(field, key);
            } else {
                assertThat(e.problems()).containsKeys("primaryColour", "consentAge", "consentAgeReason", "timeZone", "dpoEmail");
            }
        });
    }
}
