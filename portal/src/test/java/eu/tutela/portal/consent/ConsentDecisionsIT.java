package eu.tutela.portal.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import eu.tutela.portal.people.People;
import eu.tutela.portal.people.Person;
import eu.tutela.portal.people.PersonDetails;
import eu.tutela.portal.people.PersonKind;
import eu.tutela.portal.people.Relationship;
import eu.tutela.portal.policy.HemiPolicy;
import eu.tutela.portal.policy.PolicyDraft;
import eu.tutela.portal.policy.PolicyDrafts;
import eu.tutela.portal.policy.PolicyPublication;
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
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Consent decisions against the real database: a minor's consent comes from a guardian with parental responsibility
 * and a parent's objection stops it; a person of age decides alone; withdrawal is at once; the same decision twice, or
 * from two threads at once, is recorded once; decisions are never changed; nothing across institutions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ConsentDecisionsIT {

    private static final String NEWS = "news-and-offers";

    @Autowired
    ConsentService consents;
    @Autowired
    ConsentPurposes purposes;
    @Autowired
    ChannelPreferences channels;
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
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Environment env;
    @Autowired
    ComingOfAge comingOfAge;
    @Autowired
    TenantSettingsService settings;

    Tenant school;
    String suffix;
    UUID admin;
    UUID news;
    Person child;
    Person mother;
    Person father;
    Person grandmother;
    Person stranger;
    Person adult;

    @BeforeEach
    void aSchoolWithAFamily() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        school = tenants.ensure("consent-" + suffix, "Lycée Consentement " + suffix, "FR", "fr");
        admin = member(school, "admin", TenantRole.ADMIN);
        PolicyDraft draft = as(admin, () -> drafts.start(HemiPolicy.TEMPLATE));
        PolicyDraft saved = as(admin, () -> drafts.save(HemiPolicy.filledIn(draft.content()), draft.revision()));
        as(admin, () -> publication.publish(saved.revision(), null, null));
        news = as(admin, () -> purposes.all()).stream().filter(p -> p.code().equals(NEWS)).findFirst().orElseThrow().id();
        LocalDate today = LocalDate.now();
        child = register(PersonKind.STUDENT, "Léna", "Moreau", today.minusYears(12));
        adult = register(PersonKind.STUDENT, "Adèle", "Moreau", today.minusYears(19));
        mother = register(PersonKind.GUARDIAN, "Claire", "Moreau", null);
        father = register(PersonKind.GUARDIAN, "Paul", "Moreau", null);
        grandmother = register(PersonKind.GUARDIAN, "Odette", "Moreau", null);
        stranger = register(PersonKind.GUARDIAN, "Serge", "Inconnu", null);
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
    void aMinorsConsentComesFromAGuardianWithParentalResponsibilityAndAParentsObjectionStopsIt() {
        assertThat(allows(child, null)).isFalse();
        ConsentState before = as(admin, () -> consents.states(child.id())).getFirst();
        assertThat(before.purpose().code()).isEqualTo(NEWS);
        assertThat(before.allowed()).isFalse();
        assertThat(before.holders()).extracting(ConsentState.Holder::name).containsExactlyInAnyOrder("Claire Moreau", "Paul Moreau");

        assertThat(refused(child, child, Decision.GIVEN, "Formulaire classé")).containsEntry("giver", "consent.giver.minorSelf");
        assertThat(refused(child, grandmother, Decision.GIVEN, "Formulaire classé")).containsEntry("giver", "consent.giver.noResponsibility");
        assertThat(refused(child, stranger, Decision.GIVEN, "Formulaire classé")).containsEntry("giver", "consent.giver.notLinked");
        assertThat(refused(child, mother, Decision.GIVEN, " ")).containsEntry("note", "consent.note.required");
        assertThat(refused(child, mother, Decision.WITHDRAWN, "Courrier du 3 décembre")).containsEntry("decision", "consent.decision.nothingToWithdraw");
        assertThat(decisions(child)).isZero();

        ConsentDecision given = paper(child, mother, Decision.GIVEN, "Formulaire signé, dossier de l’élève");
        assertThat(given.onBehalf()).isTrue();
        assertThat(given.policyVersion()).isEqualTo(1);
        assertThat(given.policyHash()).matches("[0-9a-f]{64}");
        assertThat(allows(child, null)).isTrue();
        assertThat(allows(child, Channel.EMAIL)).as("no channel chosen yet for news and offers").isFalse();
        as(admin, () -> channels.choose(child.id(), ChannelTopic.MARKETING, EnumSet.of(Channel.EMAIL)));
        assertThat(allows(child, Channel.EMAIL)).isTrue();
        assertThat(allows(child, Channel.SMS)).isFalse();
        paper(child, mother, Decision.GIVEN, "Saisi deux fois");
        assertThat(decisions(child)).as("the same decision again records nothing").isEqualTo(1);

        paper(child, father, Decision.REFUSED, "Lettre du père");
        assertThat(allows(child, null)).as("the other parent objects").isFalse();
        paper(child, father, Decision.GIVEN, "Le père a changé d’avis");
        assertThat(allows(child, Channel.EMAIL)).isTrue();
        paper(child, mother, Decision.WITHDRAWN, "Appel de la mère");
        assertThat(allows(child, Channel.EMAIL)).as("withdrawn: at once").isFalse();

        assertThat(as(admin, () -> consents.states(child.id())).getFirst().latest())
                .extracting(ConsentDecision::giverName, ConsentDecision::decision)
                .containsExactly(tuple("Claire Moreau", Decision.WITHDRAWN), tuple("Paul Moreau", Decision.GIVEN));
        assertThat(as(admin, () -> consents.history(child.id()))).extracting(ConsentDecision::decision)
                .containsExactly(Decision.WITHDRAWN, Decision.GIVEN, Decision.REFUSED, Decision.GIVEN);
        long audited = OwnerDatabase.inTenant(env, school.id(), owner -> owner.sql(
                "select count(*) from audit_entry where tenant_id = ? and action = 'consent.decided' and subject_id = ?")
                .params(school.id(), child.id().toString()).query(Long.class).single());
        assertThat(audited).isEqualTo(4);

        // Recorded decisions are never changed: the application's database role may not.
        assertThatThrownBy(() -> inTenantTransaction(() -> jdbc.sql("update consent_decision set decision = 'GIVEN'").update()))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> inTenantTransaction(() -> jdbc.sql("delete from consent_decision").update()))
                .rootCause().hasMessageContaining("permission denied");
        assertThat(decisions(child)).isEqualTo(4);
    }

    @Test
    void anInstitutionMayRequireEveryGuardiansConsent() {
        assertThat(as(admin, () -> consents.minorRule())).isEqualTo(MinorConsentRule.ONE_GUARDIAN);
        paper(child, mother, Decision.GIVEN, "Formulaire de la mère");
        assertThat(allows(child, null)).isTrue();
        as(admin, () -> {
            consents.chooseMinorRule(MinorConsentRule.ALL_GUARDIANS);
            return null;
        });
        assertThat(allows(child, null)).as("the father has not answered yet").isFalse();
        assertThat(as(admin, () -> consents.byClass())).flatExtracting(ClassConsents::purposes).filteredOn(c -> c.purpose().code().equals(NEWS))
                .extracting(ClassConsents.Counts::allowed, ClassConsents.Counts::awaiting).containsExactly(tuple(0, 1));
        paper(child, father, Decision.GIVEN, "Formulaire du père");
        assertThat(allows(child, null)).isTrue();
        UUID staff = member(school, "rule-staff", TenantRole.STAFF);
        assertThatThrownBy(() -> as(staff, () -> {
            consents.chooseMinorRule(MinorConsentRule.ONE_GUARDIAN);
            return null;
        })).isInstanceOf(AccessDeniedException.class);
        assertThat(as(admin, () -> consents.minorRule())).isEqualTo(MinorConsentRule.ALL_GUARDIANS);
    }

    @Test
    void aPersonOfAgeDecidesForThemselfAndWithdrawsAsEasily() {
        assertThat(refused(adult, mother, Decision.GIVEN, "Formulaire")).containsEntry("giver", "consent.giver.ofAge");
        assertThat(as(admin, () -> consents.states(adult.id())).getFirst().holders()).extracting(ConsentState.Holder::self).containsExactly(true);
        paper(adult, adult, Decision.GIVEN, "Formulaire de rentrée");
        assertThat(allows(adult, null)).isTrue();
        paper(adult, adult, Decision.WITHDRAWN, "Courriel du 3 décembre");
        assertThat(allows(adult, null)).isFalse();
        assertThat(refused(adult, adult, Decision.WITHDRAWN, "Encore")).containsEntry("decision", "consent.decision.nothingToWithdraw");
        assertThat(as(admin, () -> consents.allows(adult.id(), "studies", null))).as("a purpose that needs no consent").isTrue();
        assertThat(as(admin, () -> consents.allows(adult.id(), "no-such-purpose", null))).isFalse();
    }

    @Test
    void twoEntriesOfTheSameFormAtTheSameMomentAreRecordedOnce() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<ConsentDecision>> both = List.of(
                    pool.submit(() -> {
                        start.await();
                        return paper(child, mother, Decision.GIVEN, "Premier onglet");
                    }),
                    pool.submit(() -> {
                        start.await();
                        return paper(child, mother, Decision.GIVEN, "Second onglet");
                    }));
            start.countDown();
            assertThat(both.get(0).get().id()).isEqualTo(both.get(1).get().id());
        } finally {
            pool.shutdown();
        }
        assertThat(decisions(child)).isEqualTo(1);
    }

    @Test
    void aStudentWhoComesOfAgeDecidesFromThatDayAndIsToldOnceWithTheirGuardian() {
        LocalDate today = LocalDate.now(as(admin, () -> settings.current().timeZone()));
        LocalDate fifteenToday = today.minusYears(15); // France's age of digital consent
        String leaMail = "lea-" + suffix + "@consent.example";
        String maelleMail = "maelle-" + suffix + "@consent.example";
        Person lea = as(admin, () -> people.register(new PersonDetails(PersonKind.STUDENT, "Léa", "Bientôt", fifteenToday.plusDays(1), "3e A",
                leaMail, null, "fr", null, null)));
        Person maelle = as(admin, () -> people.register(new PersonDetails(PersonKind.GUARDIAN, "Maëlle", "Bientôt", null, null,
                maelleMail, null, "fr", null, null)));
        as(admin, () -> {
            people.link(maelle.id(), lea.id(), Relationship.MOTHER, true);
            return null;
        });
        paper(lea, maelle, Decision.GIVEN, "Formulaire de la mère");
        assertThat(allows(lea, null)).as("a minor still: her mother's consent").isTrue();

        // Her birthday: fifteen today. Her own decision counts now; her mother's stays as history.
        as(admin, () -> people.update(lea.id(), new PersonDetails(PersonKind.STUDENT, "Léa", "Bientôt", fifteenToday, "3e A", leaMail, null,
                "fr", null, null)));
        assertThat(allows(lea, null)).isFalse();
        assertThat(as(admin, () -> consents.states(lea.id())).getFirst().holders()).extracting(ConsentState.Holder::name)
                .containsExactly("Léa Bientôt");
        assertThat(refused(lea, maelle, Decision.WITHDRAWN, "Trop tard")).containsEntry("giver", "consent.giver.ofAge");

        comingOfAge.noticeEveryone(); // as the recurring task runs it: every active institution, as system work
        assertThat(noticeComingOfAge()).as("told once: a second run, or another replica, sends nothing").isZero();
        long noticed = OwnerDatabase.inTenant(env, school.id(), owner -> owner.sql("select count(*) from consent_coming_of_age")
                .query(Long.class).single());
        assertThat(noticed).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> subjects(maelleMail).size() == 2 && !CaughtMail.to(leaMail).isEmpty());
        assertThat(subjects(maelleMail)).as("invited when linked to a minor, then told once").containsExactlyInAnyOrder(
                "Lycée Consentement " + suffix + " attend votre décision sur Tutela",
                "Léa Bientôt décide désormais de ses propres données personnelles");
        assertThat(CaughtMail.to(leaMail)).singleElement().satisfies(m -> assertThat(m.getSubject())
                .contains("vous décidez désormais de vos données personnelles"));
        paper(lea, lea, Decision.GIVEN, "Formulaire signé par Léa");
        assertThat(allows(lea, null)).isTrue();
    }

    private int noticeComingOfAge() {
        return TenantContext.callAs(school.id(), () -> new TransactionTemplate(transactions).execute(status -> comingOfAge.notice()));
    }

    @Test
    void theSchoolSeesItsMinorsConsentsClassByClass() {
        Person alone = register(PersonKind.STUDENT, "Nina", "Seule", LocalDate.now().minusYears(11));
        Person refusedFor = register(PersonKind.STUDENT, "Tom", "Refus", LocalDate.now().minusYears(11));
        as(admin, () -> {
            people.update(alone.id(), new PersonDetails(PersonKind.STUDENT, "Nina", "Seule", alone.birthDate(), "6e A", null, null, "fr", null, null));
            people.update(refusedFor.id(), new PersonDetails(PersonKind.STUDENT, "Tom", "Refus", refusedFor.birthDate(), "6e A", null, null, "fr",
                    null, null));
            people.link(stranger.id(), refusedFor.id(), Relationship.FATHER, true);
            return null;
        });
        paper(child, mother, Decision.GIVEN, "Formulaire signé");
        paper(refusedFor, stranger, Decision.REFUSED, "Lettre du père");

        List<ClassConsents> classes = as(admin, () -> consents.byClass());
        assertThat(classes).extracting(ClassConsents::className, ClassConsents::pupils)
                .as("minors only: the adult student is not counted").containsExactly(tuple("2nde B", 1), tuple("6e A", 2));
        assertThat(classes).flatExtracting(ClassConsents::purposes).filteredOn(c -> c.purpose().code().equals(NEWS))
                .extracting(c -> c.purpose().code(), ClassConsents.Counts::allowed, ClassConsents.Counts::refused, ClassConsents.Counts::awaiting,
                        ClassConsents.Counts::withoutGuardian)
                .containsExactly(tuple(NEWS, 1, 0, 0, 0), tuple(NEWS, 0, 1, 0, 1));
        UUID staff = member(school, "teacher", TenantRole.STAFF);
        assertThat(as(staff, () -> consents.byClass())).isEqualTo(classes);
        Tenant other = tenants.ensure("consent-elsewhere-" + suffix, "Ailleurs " + suffix, "FR", "fr");
        UUID otherAdmin = member(other, "elsewhere", TenantRole.ADMIN);
        assertThat(SignedInAs.inTenant(otherAdmin, other, () -> consents.byClass())).isEmpty();
    }

    @Test
    void anotherInstitutionNeitherSeesNorRecordsAndStaffMayOnlyAsk() {
        paper(child, mother, Decision.GIVEN, "Formulaire signé");
        Tenant other = tenants.ensure("consent-other-" + suffix, "Autre Lycée " + suffix, "BE", "fr");
        UUID otherAdmin = member(other, "other-admin", TenantRole.ADMIN);
        assertThat(Refused.problems(() -> SignedInAs.inTenant(otherAdmin, other, () -> consents.states(child.id()))))
                .containsEntry("person", "consent.person.unknown");
        assertThat(Refused.problems(() -> SignedInAs.inTenant(otherAdmin, other,
                () -> consents.recordOnPaper(child.id(), mother.id(), news, Decision.WITHDRAWN, "Tentative"))))
                .containsEntry("person", "consent.person.unknown");
        assertThat(SignedInAs.inTenant(otherAdmin, other, () -> consents.allows(child.id(), NEWS, null))).isFalse();
        assertThat(SignedInAs.inTenant(otherAdmin, other, () -> consents.allowsEach(List.of(child.id()), NEWS, null)))
                .containsExactly(java.util.Map.entry(child.id(), false));

        UUID staff = member(school, "staff", TenantRole.STAFF);
        assertThat(as(staff, () -> consents.allows(child.id(), NEWS, null))).isTrue();
        assertThat(as(staff, () -> consents.allowsEach(List.of(child.id()), NEWS, null))).containsEntry(child.id(), true);
        assertThatThrownBy(() -> as(staff, () -> consents.states(child.id()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(staff, () -> consents.recordOnPaper(child.id(), mother.id(), news, Decision.WITHDRAWN, "x")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(decisions(child)).isEqualTo(1);
    }

    private ConsentDecision paper(Person subject, Person giver, Decision decision, String note) {
        return as(admin, () -> consents.recordOnPaper(subject.id(), giver.id(), news, decision, note));
    }

    private java.util.Map<String, String> refused(Person subject, Person giver, Decision decision, String note) {
        return Refused.problems(() -> paper(subject, giver, decision, note));
    }

    private static List<String> subjects(String recipient) {
        return CaughtMail.to(recipient).stream().map(m -> {
            try {
                return m.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The answer of allows, checked against the batch form a mailing uses (with an unknown id beside it). */
    private boolean allows(Person person, Channel channel) {
        boolean answer = as(admin, () -> consents.allows(person.id(), NEWS, channel));
        UUID unknown = UUID.randomUUID();
        assertThat(as(admin, () -> consents.allowsEach(List.of(unknown, person.id()), NEWS, channel))).as("allowsEach answers alike")
                .containsExactly(java.util.Map.entry(unknown, false), java.util.Map.entry(person.id(), answer));
        return answer;
    }

    private long decisions(Person subject) {
        return (long) OwnerDatabase.inTenant(env, school.id(), owner -> owner.sql("select count(*) from consent_decision where subject_id = ?")
                .param(subject.id()).query(Long.class).single());
    }

    private Object inTenantTransaction(Supplier<Object> work) {
        return TenantContext.callAs(school.id(), () -> new TransactionTemplate(transactions).execute(status -> work.get()));
    }

    private Person register(PersonKind kind, String given, String family, LocalDate birthDate) {
        return as(admin, () -> people.register(new PersonDetails(kind, given, family, birthDate, kind == PersonKind.STUDENT ? "2nde B" : null,
                null, null, "fr", null, null)));
    }

    private UUID member(Tenant tenant, String role, TenantRole tenantRole) {
        UUID id = users.register(role + "-" + suffix + "@consent.example", role + " " + suffix);
        TenantContext.runAs(tenant.id(), () -> memberships.grant(id, tenantRole));
        return id;
    }

    private <T> T as(UUID person, Supplier<T> work) {
        return SignedInAs.inTenant(person, school, work);
    }
}
