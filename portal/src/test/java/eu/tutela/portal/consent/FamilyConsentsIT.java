package eu.tutela.portal.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import eu.tutela.policy.Lang;
import eu.tutela.portal.people.People;
import eu.tutela.portal.people.Person;
import eu.tutela.portal.people.PersonDetails;
import eu.tutela.portal.people.PersonKind;
import eu.tutela.portal.people.Relationship;
import eu.tutela.portal.policy.HemiPolicy;
import eu.tutela.portal.policy.PolicyDraft;
import eu.tutela.portal.policy.PolicyDrafts;
import eu.tutela.portal.policy.PolicyPublication;
import eu.tutela.portal.security.IdentityProvider;
import eu.tutela.portal.security.Invitations;
import eu.tutela.portal.security.PortalUsers;
import eu.tutela.portal.security.SignedInAs;
import eu.tutela.portal.support.CaughtMail;
import eu.tutela.portal.support.OwnerDatabase;
import eu.tutela.portal.support.Refused;
import eu.tutela.portal.tenancy.Memberships;
import eu.tutela.portal.tenancy.Tenant;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantDirectory;
import eu.tutela.portal.tenancy.TenantRole;
import eu.tutela.portal.tenancy.TenantSettingsService;
import eu.tutela.tenantadmin.keycloak.KeycloakDirectory;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
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
 * Guardians and students deciding for themselves, against the real database, Keycloak and SMTP server: a guardian
 * linked by hand is invited, accepts with their own Keycloak identity and becomes their person of the registry; they
 * approve the child's account and a purpose confirming with their name; the child is invited only once the consent the
 * school requires exists; a refusal is told to the school; nobody reaches a child who is not theirs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FamilyConsentsIT {

    private static final Pattern LINK = Pattern.compile("http://[^\"\\s<>]+/invitation/([A-Za-z0-9_-]{43})");
    private static final String NEWS = "news-and-offers";

    @Autowired
    FamilyConsents family;
    @Autowired
    FamilyInvitations familyInvitations;
    @Autowired
    ConsentReminders reminders;
    @Autowired
    ConsentService consents;
    @Autowired
    ConsentPurposes purposes;
    @Autowired
    ConsentReceipts receipts;
    @Autowired
    Invitations invitations;
    @Autowired
    People people;
    @Autowired
    PolicyDrafts drafts;
    @Autowired
    PolicyPublication publication;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    Memberships memberships;
    @Autowired
    PortalUsers users;
    @Autowired
    IdentityProvider identity;
    @Autowired
    TenantSettingsService settings;
    @Autowired
    Environment env;

    KeycloakDirectory directory;
    Tenant school;
    String suffix;
    UUID admin;
    UUID account;
    UUID news;
    Person child;
    Person mother;
    Person father;
    Person grandmother;

    @BeforeEach
    void aSchoolWithAFamily() {
        directory = identity.awaitDirectory(Duration.ofMinutes(2));
        suffix = UUID.randomUUID().toString().substring(0, 8);
        school = tenants.ensure("family-" + suffix, "Collège Famille " + suffix, "FR", "fr");
        directory.ensureOrganization(school.slug(), school.name());
        admin = member(school, "admin", TenantRole.ADMIN);
        publishPolicy(school, admin);
        List<ConsentPurpose> all = as(admin, () -> purposes.all());
        account = all.stream().filter(ConsentPurpose::isAccount).findFirst().orElseThrow().id();
        news = all.stream().filter(p -> p.code().equals(NEWS)).findFirst().orElseThrow().id();
        as(admin, () -> {
            consents.chooseMinorRule(MinorConsentRule.ALL_GUARDIANS);
            return null;
        });
        child = register(PersonKind.STUDENT, "Zoé", "Garnier", LocalDate.now().minusYears(12), "zoe");
        mother = register(PersonKind.GUARDIAN, "Hélène", "Garnier", null, "helene");
        father = register(PersonKind.GUARDIAN, "Marc", "Garnier", null, "marc");
        grandmother = register(PersonKind.GUARDIAN, "Odile", "Garnier", null, "odile");
        as(admin, () -> {
            people.link(mother.id(), child.id(), Relationship.MOTHER, true);
            people.link(father.id(), child.id(), Relationship.FATHER, true);
            people.link(grandmother.id(), child.id(), Relationship.OTHER, false);
            return null;
        });
    }

    @AfterEach
    void signOut() {
        SignedInAs.nobody();
    }

    @Test
    void bothParentsApproveThenTheChildIsInvitedAndTheirDecisionsAreTheirs() {
        // Linked by hand with parental responsibility: invited at once; the grandmother, without it, is not.
        UUID helene = accept(mother, "Hélène", "Garnier");
        assertThat(CaughtMail.to(mail("odile"))).isEmpty();
        assertThat(TenantContext.callAs(school.id(), () -> memberships.rolesInCurrentTenant(helene))).containsExactly(TenantRole.GUARDIAN);

        FamilyConsents.MyPrivacy mine = as(helene, () -> family.mine());
        assertThat(mine.me()).hasValueSatisfying(me -> assertThat(me.personId()).isEqualTo(mother.id()));
        assertThat(mine.subjects()).singleElement().satisfies(zoe -> {
            assertThat(zoe.person().name()).isEqualTo("Zoé Garnier");
            assertThat(zoe.standing()).isEqualTo(FamilyConsents.Standing.DECIDES);
            assertThat(zoe.states()).extracting(s -> s.purpose().code()).containsExactly(NEWS, ConsentPurpose.ACCOUNT);
            assertThat(zoe.policyAcceptedForChild()).isFalse();
        });

        Map<UUID, Decision> approve = Map.of(account, Decision.GIVEN, news, Decision.GIVEN);
        assertThat(refused(helene, () -> family.answer(child.id(), approve, "Marc Garnier", true, Lang.FR))).containsEntry("name", "consent.confirm.name");
        assertThat(refused(helene, () -> family.answer(child.id(), approve, "helene garnier", false, Lang.FR)))
                .containsEntry("policy", "consent.confirm.policy");
        assertThat(refused(helene, () -> family.answer(child.id(), Map.of(), "helene garnier", true, Lang.FR)))
                .containsEntry("answers", "consent.answers.none");
        assertThat(decisions(child)).isZero();

        as(helene, () -> family.answer(child.id(), approve, "  garnier HELENE ", true, Lang.FR));
        as(helene, () -> family.answer(child.id(), approve, "Hélène Garnier", true, Lang.FR));
        assertThat(decisions(child)).as("the same answers again record nothing").isEqualTo(2);
        assertThat(as(helene, () -> family.mine()).subjects().getFirst().policyAcceptedForChild()).isTrue();
        long acceptances = OwnerDatabase.inTenant(env, school.id(), owner -> owner.sql(
                "select count(*) from policy_acceptance where for_person = ? and user_id = ? and decision = 'ACCEPTED'")
                .params(child.id(), helene).query(Long.class).single());
        assertThat(acceptances).isEqualTo(1);
        assertThat(as(admin, () -> consents.allows(child.id(), ConsentPurpose.ACCOUNT, null)))
                .as("all guardians must agree here: the father has not").isFalse();
        awaitJobs(1);
        assertThat(CaughtMail.to(mail("zoe"))).as("no account for the child yet").isEmpty();

        UUID marc = accept(father, "Marc", "Garnier");
        as(marc, () -> family.answer(child.id(), Map.of(account, Decision.GIVEN), "Marc Garnier", true, Lang.EN));
        String childToken = awaitLink("zoe");
        assertThat(invitations.follow(childToken).role()).isEqualTo(TenantRole.STUDENT);

        // The child accepts: a student, a minor, who sees what her parents decided and may not decide herself.
        UUID zoe = acceptToken(childToken, "zoe", "Zoé", "Garnier");
        FamilyConsents.Subject herself = as(zoe, () -> family.mine()).subjects().getFirst();
        assertThat(herself.self()).isTrue();
        assertThat(herself.standing()).isEqualTo(FamilyConsents.Standing.MINOR_SELF);
        assertThat(herself.states()).filteredOn(s -> s.purpose().code().equals(NEWS)).singleElement()
                .satisfies(s -> assertThat(s.allowed()).as("the father has not consented to the news").isFalse());
        assertThat(refused(zoe, () -> family.answer(child.id(), Map.of(news, Decision.GIVEN), "Zoé Garnier", true, Lang.FR)))
                .containsEntry("person", "consent.standing.MINOR_SELF");

        // The mother withdraws the news: one action, effective at once; her receipt is hers to download.
        as(marc, () -> family.answer(child.id(), Map.of(news, Decision.GIVEN), "Marc Garnier", false, Lang.FR));
        assertThat(as(admin, () -> consents.allows(child.id(), NEWS, null))).isTrue();
        ConsentDecision withdrawn = as(helene, () -> family.withdraw(child.id(), news));
        assertThat(as(admin, () -> consents.allows(child.id(), NEWS, null))).isFalse();
        assertThat(as(helene, () -> receipts.myJson(withdrawn.id()))).contains("\"Hélène Garnier\"").contains(child.id().toString());
        assertThat(as(zoe, () -> receipts.myPdf(withdrawn.id(), java.util.Locale.FRENCH))).startsWith("%PDF".getBytes());
        assertThat(refused(helene, () -> family.withdraw(child.id(), news))).containsEntry("decision", "consent.decision.nothingToWithdraw");
    }

    @Test
    void aRefusedAccountIsToldToTheSchoolAndNobodyReachesAChildWhoIsNotTheirs() {
        UUID helene = accept(mother, "Hélène", "Garnier");
        as(helene, () -> family.answer(child.id(), Map.of(account, Decision.REFUSED), "Hélène Garnier", false, Lang.FR));
        await().atMost(Duration.ofSeconds(30)).until(() -> texts("admin").stream().anyMatch(t -> t.contains("Compte du portail refusé")));
        assertThat(texts("admin")).filteredOn(t -> t.contains("Compte du portail refusé pour Zoé Garnier")).singleElement()
                .satisfies(t -> assertThat(t).contains("Hélène Garnier a refusé le compte de Zoé Garnier (classe 5e B)"));
        assertThat(CaughtMail.to(mail("zoe"))).isEmpty();

        // The grandmother, linked without parental responsibility: she sees Zoé, cannot consent; the school cannot invite her.
        assertThat(Refused.problems(() -> as(admin, () -> familyInvitations.invite(grandmother.id()))))
                .containsEntry("person", "consent.invite.noChild");
        UUID odile = withAccount(grandmother, "odile", TenantRole.GUARDIAN);
        assertThat(as(odile, () -> family.mine()).subjects()).singleElement()
                .satisfies(s -> assertThat(s.standing()).isEqualTo(FamilyConsents.Standing.NO_RESPONSIBILITY));
        assertThat(refused(odile, () -> family.answer(child.id(), Map.of(news, Decision.GIVEN), "Odile Garnier", false, Lang.FR)))
                .containsEntry("person", "consent.standing.NO_RESPONSIBILITY");

        // A guardian of another institution, and this institution's guardian of another child: nothing of Zoé.
        Tenant other = tenants.ensure("family-other-" + suffix, "Autre Collège " + suffix, "FR", "fr");
        UUID otherAdmin = member(other, "other-admin", TenantRole.ADMIN);
        publishPolicy(other, otherAdmin);
        Person otherGuardian = SignedInAs.inTenant(otherAdmin, other, () -> people.register(details(PersonKind.GUARDIAN, "Yves", "Ailleurs", null, "yves")));
        UUID yves = users.register(mail("yves"), "Yves Ailleurs");
        TenantContext.runAs(other.id(), () -> memberships.grant(yves, TenantRole.GUARDIAN));
        OwnerDatabase.inTenant(env, other.id(), owner -> owner.sql("update person set account_user_id = ? where id = ?")
                .params(yves, otherGuardian.id()).update());
        assertThat(SignedInAs.inTenant(yves, other, () -> family.mine()).subjects()).isEmpty();
        assertThat(Refused.problems(() -> SignedInAs.inTenant(yves, other,
                () -> family.answer(child.id(), Map.of(news, Decision.GIVEN), "Yves Ailleurs", false, Lang.FR))))
                .containsEntry("person", "consent.person.notYours");
        UUID decision = decisionIds(child).getFirst();
        assertThat(Refused.problems(() -> SignedInAs.inTenant(yves, other, () -> receipts.myJson(decision))))
                .containsEntry("decision", "consent.receipt.unknown");
        assertThat(Refused.problems(() -> as(odile, () -> family.withdraw(UUID.randomUUID(), news))))
                .containsEntry("person", "consent.person.notYours");
        // A guardian of this institution who signs in to the other has no record there.
        assertThatThrownBy(() -> SignedInAs.inTenant(helene, other, () -> family.mine())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(admin, () -> family.mine())).as("for guardians and students").isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void twoClicksAtTheSameMomentRecordOneDecision() throws Exception {
        UUID helene = accept(mother, "Hélène", "Garnier");
        UUID marc = accept(father, "Marc", "Garnier");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> clicks = List.of(helene, helene, marc, marc).stream().map(who -> pool.submit(() -> {
                start.await();
                String name = who.equals(helene) ? "Hélène Garnier" : "Marc Garnier";
                return as(who, () -> family.answer(child.id(), Map.of(news, Decision.GIVEN), name, false, Lang.FR));
            })).<Future<?>>map(f -> f).toList();
            start.countDown();
            for (Future<?> click : clicks) {
                click.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(decisions(child)).as("one per parent").isEqualTo(2);
        assertThat(as(admin, () -> consents.allows(child.id(), NEWS, null))).isTrue();
    }

    @Test
    void theSchoolInvitesEveryonePendingOnceAndAStudentOfAgeDirectly() {
        Person adult = register(PersonKind.STUDENT, "Inès", "Garnier", LocalDate.now().minusYears(17), "ines");
        Person sibling = register(PersonKind.STUDENT, "Léo", "Garnier", LocalDate.now().minusYears(9), "leo");
        Person aunt = register(PersonKind.GUARDIAN, "Rose", "Garnier", null, "rose");
        // Linked as the roster import links: no invitation yet.
        OwnerDatabase.inTenant(env, school.id(), owner -> owner.sql("""
                        insert into guardianship (tenant_id, guardian_id, child_id, relationship, parental_responsibility)
                        values (?, ?, ?, 'OTHER', true), (?, ?, ?, 'MOTHER', true)""")
                .params(school.id(), aunt.id(), sibling.id(), school.id(), mother.id(), sibling.id()).update());
        List<FamilyInvitations.Invitee> pending = as(admin, () -> familyInvitations.pending(null));
        assertThat(pending).extracting(FamilyInvitations.Invitee::name, FamilyInvitations.Invitee::role)
                .as("the parents were invited when linked by hand").containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("Rose Garnier", TenantRole.GUARDIAN),
                        org.assertj.core.groups.Tuple.tuple("Inès Garnier", TenantRole.STUDENT));
        assertThat(as(admin, () -> familyInvitations.invitePending(null))).isEqualTo(2);
        assertThat(as(admin, () -> familyInvitations.pending(null))).isEmpty();
        assertThat(as(admin, () -> familyInvitations.invitePending(null))).as("nobody twice").isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> !texts("rose").isEmpty());
        assertThat(texts("rose")).singleElement().satisfies(t -> assertThat(t).contains("a inscrit Léo Garnier"));
        String inesToken = awaitLink("ines");
        UUID ines = acceptToken(inesToken, "ines", "Inès", "Garnier");
        FamilyConsents.Subject herself = as(ines, () -> family.mine()).subjects().getFirst();
        assertThat(herself.standing()).isEqualTo(FamilyConsents.Standing.DECIDES);
        assertThat(herself.states()).extracting(s -> s.purpose().code()).as("no account consent of age").containsExactly(NEWS);
        as(ines, () -> family.answer(adult.id(), Map.of(news, Decision.GIVEN), "Inès Garnier", false, Lang.FR));
        assertThat(as(admin, () -> consents.allows(adult.id(), NEWS, null))).isTrue();

        assertThat(Refused.problems(() -> as(admin, () -> familyInvitations.invite(sibling.id()))))
                .as("a minor's account waits for the guardians").containsEntry("person", "consent.invite.awaitingGuardians");
        UUID staff = member(school, "staff", TenantRole.STAFF);
        assertThatThrownBy(() -> as(staff, () -> familyInvitations.invitePending(null))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aStudentWhoComesOfAgeIsAskedForHerOwnAnswersAndHerMothersStayAsHistory() {
        LocalDate today = LocalDate.now(as(admin, () -> settings.current().timeZone()));
        Person teen = register(PersonKind.STUDENT, "Jade", "Garnier", today.minusYears(15).plusDays(1), "jade");
        as(admin, () -> {
            people.link(mother.id(), teen.id(), Relationship.MOTHER, true);
            return null;
        });
        UUID helene = withAccount(mother, "helene", TenantRole.GUARDIAN);
        as(helene, () -> family.answer(teen.id(), Map.of(news, Decision.GIVEN), "Hélène Garnier", false, Lang.FR));
        UUID jade = withAccount(teen, "jade", TenantRole.STUDENT);
        assertThat(as(jade, () -> family.ownAnswerAwaited())).as("a minor still: her mother decides").isFalse();

        // Her fifteenth birthday (France's age of digital consent): she is asked, her mother's consent no longer counts.
        as(admin, () -> people.update(teen.id(), details(PersonKind.STUDENT, "Jade", "Garnier", today.minusYears(15), "jade")));
        assertThat(as(jade, () -> family.ownAnswerAwaited())).isTrue();
        assertThat(as(helene, () -> family.ownAnswerAwaited())).as("only the student herself is asked").isFalse();
        FamilyConsents.Subject herself = as(jade, () -> family.mine()).subjects().getFirst();
        assertThat(herself.ownAnswerAwaited()).isTrue();
        assertThat(herself.states()).singleElement().satisfies(s -> {
            assertThat(s.purpose().code()).isEqualTo(NEWS);
            assertThat(s.allowed()).isFalse();
        });
        assertThat(herself.history()).extracting(ConsentDecision::giverId).containsExactly(mother.id());

        as(jade, () -> family.answer(teen.id(), Map.of(news, Decision.REFUSED), "Jade Garnier", false, Lang.FR));
        assertThat(as(jade, () -> family.ownAnswerAwaited())).as("asked once: she answered").isFalse();
        assertThat(as(admin, () -> consents.allows(teen.id(), NEWS, null))).isFalse();
    }

    @Test
    void invitedParentsWhoHaveNotAnsweredAreRemindedOnceAWeek() {
        UUID helene = withAccount(mother, "helene", TenantRole.GUARDIAN);
        as(helene, () -> family.answer(child.id(), Map.of(account, Decision.GIVEN, news, Decision.GIVEN), "Hélène Garnier", true, Lang.FR));
        assertThat(as(admin, () -> reminders.awaited(null))).as("the father was invited and has not joined; the mother answered; "
                + "the grandmother does not decide").singleElement().satisfies(a -> {
                    assertThat(a.name()).isEqualTo("Marc Garnier");
                    assertThat(a.hasAccount()).isFalse();
                    assertThat(a.children()).containsExactly("Zoé Garnier");
                });
        await().atMost(Duration.ofSeconds(30)).until(() -> CaughtMail.found(mail("marc"), LINK).size() == 1);
        assertThat(as(admin, () -> reminders.remind(null))).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> CaughtMail.found(mail("marc"), LINK).size() == 2);
        String fresh = CaughtMail.found(mail("marc"), LINK).getLast();
        assertThat(invitations.follow(fresh).role()).as("a fresh invitation: the first may have expired").isEqualTo(TenantRole.GUARDIAN);
        assertThat(as(admin, () -> reminders.awaited(null))).as("nobody twice in a week").isEmpty();
        assertThat(as(admin, () -> reminders.remind(null))).isZero();

        // A parent with an account who has not answered for another child is reminded towards "My privacy".
        Person sibling = register(PersonKind.STUDENT, "Léo", "Garnier", LocalDate.now().minusYears(9), "leo");
        as(admin, () -> {
            people.link(mother.id(), sibling.id(), Relationship.MOTHER, true);
            return null;
        });
        assertThat(as(admin, () -> reminders.awaited("5e B"))).extracting(ConsentReminders.Awaited::name).containsExactly("Hélène Garnier");
        assertThat(as(admin, () -> reminders.awaited("6e A"))).isEmpty();
        assertThat(as(admin, () -> reminders.remind("5e B"))).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> texts("helene").stream().anyMatch(t -> t.contains("attend toujours votre réponse")));
        assertThat(texts("helene")).filteredOn(t -> t.contains("attend toujours votre réponse")).singleElement()
                .satisfies(t -> assertThat(t).contains("Léo Garnier").contains("/t/" + school.slug() + "/my-privacy"));

        UUID staff = member(school, "staff", TenantRole.STAFF);
        assertThatThrownBy(() -> as(staff, () -> reminders.remind(null))).isInstanceOf(AccessDeniedException.class);
    }

    private UUID accept(Person guardian, String given, String family) {
        String local = guardian.email().substring(0, guardian.email().indexOf('-'));
        return acceptToken(awaitLink(local), local, given, family);
    }

    private UUID acceptToken(String token, String local, String given, String family) {
        String keycloakId = directory.ensureUser(mail(local), given, family, given + "-" + family + "-2026!", "fr");
        UUID user = users.register(mail(local), given + " " + family);
        SignedInAs.withSubject(keycloakId, user);
        try {
            assertThat(invitations.accept(token)).isEqualTo(school.slug());
        } finally {
            SignedInAs.nobody();
        }
        return user;
    }

    private UUID withAccount(Person person, String local, TenantRole role) {
        UUID user = users.register(mail(local), person.givenName() + " " + person.familyName());
        TenantContext.runAs(school.id(), () -> memberships.grant(user, role));
        OwnerDatabase.inTenant(env, school.id(), owner -> owner.sql("update person set account_user_id = ? where id = ?")
                .params(user, person.id()).update());
        return user;
    }

    private String awaitLink(String local) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !CaughtMail.found(mail(local), LINK).isEmpty());
        return CaughtMail.found(mail(local), LINK).getLast();
    }

    private void awaitJobs(int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> (long) OwnerDatabase.inTenant(env, school.id(), owner -> owner.sql(
                "select count(*) from job_run where tenant_id = ? and kind = ? and status = 'SUCCEEDED'")
                .params(school.id(), ChildAccountJob.KIND).query(Long.class).single()) >= count);
    }

    /** Each message to this address: its subject, then its body decoded. */
    private List<String> texts(String local) {
        return CaughtMail.to(mail(local)).stream().map(CaughtMail::text).toList();
    }

    private String mail(String local) {
        return local + "-" + suffix + "@famille.example";
    }

    private Map<String, String> refused(UUID who, Supplier<?> work) {
        return Refused.problems(() -> as(who, work));
    }

    private long decisions(Person subject) {
        return (long) OwnerDatabase.inTenant(env, school.id(), owner -> owner.sql("select count(*) from consent_decision where subject_id = ?")
                .param(subject.id()).query(Long.class).single());
    }

    private List<UUID> decisionIds(Person subject) {
        return OwnerDatabase.inTenant(env, school.id(), owner -> owner.sql("select id from consent_decision where subject_id = ?")
                .param(subject.id()).query(UUID.class).list());
    }

    private void publishPolicy(Tenant tenant, UUID by) {
        PolicyDraft draft = SignedInAs.inTenant(by, tenant, () -> drafts.start(HemiPolicy.TEMPLATE));
        PolicyDraft saved = SignedInAs.inTenant(by, tenant, () -> drafts.save(HemiPolicy.filledIn(draft.content()), draft.revision()));
        SignedInAs.inTenant(by, tenant, () -> publication.publish(saved.revision(), null, null));
    }

    private Person register(PersonKind kind, String given, String family, LocalDate birthDate, String local) {
        return as(admin, () -> people.register(details(kind, given, family, birthDate, local)));
    }

    private PersonDetails details(PersonKind kind, String given, String family, LocalDate birthDate, String local) {
        return new PersonDetails(kind, given, family, birthDate, kind == PersonKind.STUDENT ? "5e B" : null, mail(local), null, "fr", null, null);
    }

    private UUID member(Tenant tenant, String role, TenantRole tenantRole) {
        UUID id = users.register(mail(role), role + " " + suffix);
        TenantContext.runAs(tenant.id(), () -> memberships.grant(id, tenantRole));
        return id;
    }

    private <T> T as(UUID person, Supplier<T> work) {
        return SignedInAs.inTenant(person, school, work);
    }
}
