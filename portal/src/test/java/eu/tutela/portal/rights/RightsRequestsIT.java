package eu.tutela.portal.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import eu.tutela.portal.people.People;
import eu.tutela.portal.people.Person;
import eu.tutela.portal.people.PersonDetails;
import eu.tutela.portal.people.PersonKind;
import eu.tutela.portal.people.Relationship;
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
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rights requests against the real database and SMTP server: a student and a parent ask, the DPO is told and works the
 * request step by step, the requester is told and sees only what concerns them, the deadline follows the law (an
 * extension within the first month only), and nobody asks for someone else's child, twice at once, or from another
 * institution.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RightsRequestsIT {

    @Autowired
    RightsRequests requests;
    @Autowired
    RequestHandling handling;
    @Autowired
    People people;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    Memberships memberships;
    @Autowired
    PortalUsers users;
    @Autowired
    Environment env;
    @Autowired
    DeadlineAlerts alerts;
    @Autowired
    PlatformTransactionManager transactionManager;

    String suffix;
    Tenant school;
    UUID admin;
    UUID dpo;
    Person lea;
    Person mother;
    Person other;
    UUID leaAccount;
    UUID motherAccount;

    @BeforeEach
    void aSchoolWithAFamily() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        school = tenants.ensure("rights-" + suffix, "Lycée Droits " + suffix, "FR", "fr");
        admin = member("admin", TenantRole.ADMIN);
        dpo = member("dpo", TenantRole.DPO);
        lea = register(PersonKind.STUDENT, "Léa", "Droit", LocalDate.now().minusYears(12), "lea");
        mother = register(PersonKind.GUARDIAN, "Claire", "Droit", null, "claire");
        other = register(PersonKind.STUDENT, "Tom", "Autre", LocalDate.now().minusYears(12), "tom");
        as(admin, () -> {
            people.link(mother.id(), lea.id(), Relationship.MOTHER, true);
            return null;
        });
        leaAccount = withAccount(lea, "lea", TenantRole.STUDENT);
        motherAccount = withAccount(mother, "claire", TenantRole.GUARDIAN);
    }

    @AfterEach
    void signOut() {
        SignedInAs.nobody();
    }

    @Test
    void aParentAsksForHerChildTheDpoWorksItAndSheFollowsEachStep() {
        assertThat(as(motherAccount, () -> requests.subjects())).extracting(RequestSubject::name, RequestSubject::self)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Claire Droit", true), org.assertj.core.groups.Tuple.tuple("Léa Droit", false));
        RightsRequest sent = as(motherAccount, () -> requests.submit(lea.id(), RequestType.ACCESS, "  Tout ce que vous avez sur Léa.  "));
        assertThat(sent.status()).isEqualTo(RequestStatus.RECEIVED);
        assertThat(sent.subjectName()).isEqualTo("Léa Droit");
        assertThat(sent.details()).isEqualTo("Tout ce que vous avez sur Léa.");
        LocalDate received = sent.receivedAt().atZone(ZoneId.of("Europe/Paris")).toLocalDate();
        assertThat(sent.deadline().due()).isEqualTo(received.plusMonths(1));

        // The requester is told, the DPO (not the administrator, since there is a DPO) is told.
        await().atMost(Duration.ofSeconds(30)).until(() -> !texts("claire", sent.reference()).isEmpty() && !texts("dpo", sent.reference()).isEmpty());
        assertThat(texts("claire", sent.reference()).getFirst()).contains("a été reçue");
        assertThat(texts("dpo", sent.reference()).getFirst()).contains("Nouvelle demande").doesNotContain("Tout ce que vous avez");
        assertThat(CaughtMail.to(mail("admin"))).isEmpty();

        // The DPO sees it in the queue, starts it, notes, asks, and the mother answers.
        assertThat(as(dpo, () -> handling.queue(true))).extracting(RightsRequest::reference, RightsRequest::subjectName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(sent.reference(), "Léa Droit"));
        as(dpo, () -> {
            handling.start(sent.id());
            handling.note(sent.id(), "Vérifier aussi les sauvegardes.");
            handling.message(sent.id(), "Souhaitez-vous aussi les photos ?", true);
            return null;
        });
        assertThat(as(motherAccount, () -> requests.mine(sent.id())).orElseThrow().request().status())
                .isEqualTo(RequestStatus.WAITING_FOR_REQUESTER);
        as(motherAccount, () -> {
            requests.reply(sent.id(), "Oui, les photos aussi.");
            return null;
        });
        RequestDetail seenByMother = as(motherAccount, () -> requests.mine(sent.id())).orElseThrow();
        assertThat(seenByMother.request().status()).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(seenByMother.timeline()).extracting(RequestEvent::body)
                .contains("Souhaitez-vous aussi les photos ?", "Oui, les photos aussi.")
                .as("the internal note stays the DPO's").doesNotContain("Vérifier aussi les sauvegardes.");
        assertThat(as(motherAccount, () -> requests.mineWithTimelines())).as("her page, in one call, shows the same")
                .containsExactly(seenByMother);
        assertThat(as(dpo, () -> handling.find(sent.id())).orElseThrow().timeline()).extracting(RequestEvent::body)
                .contains("Vérifier aussi les sauvegardes.");

        // Extended within the first month, with the reasons, told to the mother; then completed.
        as(dpo, () -> {
            handling.extend(sent.id(), 2, "Archives papier à consulter.");
            return null;
        });
        RightsRequest extended = as(dpo, () -> handling.find(sent.id())).orElseThrow().request();
        assertThat(extended.status()).isEqualTo(RequestStatus.EXTENDED);
        assertThat(extended.deadline().due()).isEqualTo(received.plusMonths(3));
        assertThat(extended.deadline().firstDue()).isEqualTo(received.plusMonths(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> CaughtMail.to(mail("claire")).stream()
                .anyMatch(m -> CaughtMail.text(m).contains("Archives papier à consulter.")));
        assertThat(Refused.problems(() -> as(dpo, () -> {
            handling.extend(sent.id(), 1, "Encore");
            return null;
        }))).containsEntry("months", "rights.extend.months");
        as(dpo, () -> {
            handling.complete(sent.id(), "Archive remise en main propre.");
            return null;
        });
        assertThat(as(motherAccount, () -> requests.mine())).extracting(RightsRequest::status).containsExactly(RequestStatus.COMPLETED);
        assertThat(Refused.problems(() -> as(dpo, () -> {
            handling.refuse(sent.id(), "Trop tard");
            return null;
        }))).containsEntry("status", "rights.status.closed");
        assertThat(auditActions(sent.id())).contains("rights.request.submitted", "rights.request.started", "rights.request.waiting",
                "rights.request.answered", "rights.request.extended", "rights.request.completed");
    }

    @Test
    void anExtensionIsRefusedOnceTheFirstMonthHasPassedAndARefusalSaysWhereToComplain() {
        RightsRequest sent = as(leaAccount, () -> requests.submit(lea.id(), RequestType.ERASURE, null));
        // Received five weeks ago: the first month has passed.
        OwnerDatabase.inTenant(env, school.id(), owner -> owner.sql("""
                        update rights_request set received_at = received_at - interval '35 days', received_on = received_on - 35,
                               first_due_on = (received_on - 35) + interval '1 month', due_on = (received_on - 35) + interval '1 month'
                         where id = ?""").param(sent.id()).update());
        RightsRequest late = as(dpo, () -> handling.queue(true)).getFirst();
        assertThat(late.deadline().urgency(LocalDate.now(ZoneId.of("Europe/Paris")))).isEqualTo(RequestDeadline.Urgency.OVERDUE);
        assertThat(Refused.problems(() -> as(dpo, () -> {
            handling.extend(sent.id(), 2, "Trop de travail");
            return null;
        }))).containsEntry("status", "rights.extend.tooLate");
        assertThat(as(dpo, () -> handling.find(sent.id())).orElseThrow().request().deadline().extensionMonths()).isZero();
        assertThat(Refused.problems(() -> as(dpo, () -> {
            handling.refuse(sent.id(), "  ");
            return null;
        }))).containsEntry("reason", "rights.text.required");
        as(dpo, () -> {
            handling.refuse(sent.id(), "Conservation imposée par le Code de l’éducation.");
            return null;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> CaughtMail.to(mail("lea")).stream()
                .anyMatch(m -> CaughtMail.text(m).contains("Conservation imposée")));
        assertThat(CaughtMail.to(mail("lea")).stream().map(CaughtMail::text).filter(t -> t.contains("Conservation imposée")).findFirst().orElseThrow())
                .contains("CNIL").contains("réclamation");
    }

    @Test
    void theArchiveHoldsTheStudentsDataAndNobodyElsesAndOnlySheDownloadsItUntilItExpires() throws Exception {
        RightsRequest sent = as(leaAccount, () -> requests.submit(lea.id(), RequestType.ACCESS, "Mon dossier"));
        RightsRequest erasure = as(leaAccount, () -> requests.submit(lea.id(), RequestType.ERASURE, null));
        assertThat(Refused.problems(() -> as(dpo, () -> handling.buildArchive(erasure.id())))).containsEntry("request", "rights.archive.notForType");
        as(dpo, () -> {
            handling.start(sent.id());
            return handling.buildArchive(sent.id());
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> as(dpo, () -> handling.archive(sent.id())).orElseThrow().status()
                != AccessArchive.Status.BUILDING);
        AccessArchive ready = as(dpo, () -> handling.archive(sent.id())).orElseThrow();
        assertThat(ready.status()).isEqualTo(AccessArchive.Status.READY);
        assertThat(ready.records()).isPositive();
        assertThat(ready.expiresAt()).isBetween(java.time.Instant.now().plus(Duration.ofDays(6)), java.time.Instant.now().plus(Duration.ofDays(8)));

        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        AccessArchive downloaded = as(leaAccount, () -> requests.download(sent.id(), zip));
        assertThat((long) zip.size()).as("the whole file, chunk after chunk").isEqualTo(downloaded.sizeBytes());
        Map<String, String> files = unzip(zip.toByteArray());
        assertThat(files.keySet()).contains("summary.html", "records.csv", "data/people.json", "data/consent.json", "data/rights.json",
                "data/security.json", "data/audit.json", "data/notification.json");
        assertThat(files.get("data/people.json")).contains("\"given_name\":\"Léa\"").contains("\"family_name\":\"Droit\"")
                .contains("Claire");
        assertThat(files.get("data/rights.json")).contains("Mon dossier");
        assertThat(files.get("summary.html")).contains("Fiche du registre").contains("Mission d’intérêt public").contains(sent.reference());
        assertThat(files.get("records.csv")).startsWith("module,category,record,field,value").contains("people,person,");
        String everything = String.join("\n", files.values());
        assertThat(everything).as("nothing of another pupil").doesNotContain(other.id().toString()).doesNotContain("\"Tom\"");

        // Only she downloads it, and only until it expires; each download is in the audit trail.
        assertThat(Refused.problems(() -> as(motherAccount, () -> requests.download(sent.id(), java.io.OutputStream.nullOutputStream())))).containsEntry("archive", "rights.archive.unknown");
        assertThat(as(motherAccount, () -> requests.archive(sent.id()))).isEmpty();
        assertThat(auditActions(sent.id())).contains("rights.archive.requested", "rights.archive.downloaded");
        OwnerDatabase.inTenant(env, school.id(), owner -> owner.sql("update rights_archive set expires_at = now() - interval '1 minute' where id = ?")
                .param(ready.id()).update());
        assertThat(Refused.problems(() -> as(leaAccount, () -> requests.download(sent.id(), java.io.OutputStream.nullOutputStream())))).containsEntry("archive", "rights.archive.expired");
        assertThat(as(leaAccount, () -> requests.mine(sent.id())).orElseThrow().timeline()).extracting(RequestEvent::kind)
                .contains(RequestEvent.Kind.ARCHIVE_READY);
    }

    @Test
    void theHandlerIsAlertedOnceAsTheDueDateNearsArrivesAndPasses() {
        RightsRequest sent = as(leaAccount, () -> requests.submit(lea.id(), RequestType.ACCESS, null));
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        assertThat(alertRound()).as("31 days left: nothing yet").isZero();
        dueOn(sent, today.plusDays(5));
        assertThat(alertRound()).isEqualTo(1);
        assertThat(alertRound()).as("once per level").isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> !texts("dpo", "arrive à échéance").isEmpty());
        assertThat(texts("dpo", "arrive à échéance").getFirst()).contains(sent.reference()).contains("il reste 5 jours");
        assertThat(texts("admin", sent.reference())).as("the DPO handles, not the administrator").isEmpty();

        // Taken by the administrator: the alerts go to her from then on.
        as(admin, () -> {
            handling.assign(sent.id(), null);
            return null;
        });
        dueOn(sent, today.minusDays(2));
        assertThat(alertRound()).isEqualTo(1);
        assertThat(alertRound()).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> !texts("admin", "en retard").isEmpty());
        assertThat(texts("admin", "en retard").getFirst()).contains(sent.reference()).contains("2 jours de retard");
    }

    @Test
    void nobodyAsksForSomeoneElseTwiceAtOnceOrFromAnotherInstitution() throws Exception {
        // Another pupil, a person of another tenant, nothing at all: refused, nothing stored.
        assertThat(Refused.problems(() -> as(motherAccount, () -> requests.submit(other.id(), RequestType.ACCESS, null))))
                .containsEntry("subject", "rights.subject.notYours");
        assertThat(Refused.problems(() -> as(leaAccount, () -> requests.submit(lea.id(), null, "x".repeat(5001)))))
                .containsEntry("type", "rights.type.required").containsEntry("details", "rights.text.tooLong");
        assertThat(Refused.problems(() -> as(leaAccount, () -> requests.submit(lea.id(), RequestType.RECTIFICATION, " "))))
                .containsEntry("details", "rights.details.required");

        // The mother and Léa ask for Léa's data at the same moment: one request stands.
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> both = List.of(
                    two.submit(attempt(start, motherAccount, () -> requests.submit(lea.id(), RequestType.ACCESS, "Maman"))),
                    two.submit(attempt(start, leaAccount, () -> requests.submit(lea.id(), RequestType.ACCESS, "Léa"))));
            start.countDown();
            List<String> outcomes = List.of(both.get(0).get(), both.get(1).get());
            assertThat(outcomes).containsExactlyInAnyOrder("ok", "rights.type.alreadyOpen");
        } finally {
            two.shutdown();
        }
        assertThat(as(dpo, () -> handling.queue(true))).hasSize(1);
        RightsRequest open = as(dpo, () -> handling.queue(true)).getFirst();

        // Another institution's DPO sees nothing and changes nothing; a student cannot work the queue; nobody else withdraws.
        Tenant elsewhere = tenants.ensure("rights-other-" + suffix, "Autre Lycée " + suffix, "FR", "fr");
        UUID otherDpo = users.register(mail("other-dpo"), "Autre DPO");
        TenantContext.runAs(elsewhere.id(), () -> memberships.grant(otherDpo, TenantRole.DPO));
        assertThat(SignedInAs.inTenant(otherDpo, elsewhere, () -> handling.find(open.id()))).isEmpty();
        assertThat(SignedInAs.inTenant(otherDpo, elsewhere, () -> handling.queue(true))).isEmpty();
        assertThat(Refused.problems(() -> SignedInAs.inTenant(otherDpo, elsewhere, () -> {
            handling.complete(open.id(), "Fini");
            return null;
        }))).containsEntry("request", "rights.request.unknown");
        assertThatThrownBy(() -> as(leaAccount, () -> handling.queue(true))).isInstanceOf(AccessDeniedException.class);
        UUID requester = open.requesterUserId();
        UUID bystander = requester.equals(leaAccount) ? motherAccount : leaAccount;
        assertThat(as(bystander, () -> requests.mine(open.id()))).isEmpty();
        assertThat(Refused.problems(() -> as(bystander, () -> {
            requests.withdraw(open.id());
            return null;
        }))).containsEntry("request", "rights.request.notOpen");
        as(requester, () -> {
            requests.withdraw(open.id());
            return null;
        });
        assertThat(as(dpo, () -> handling.queue(true))).isEmpty();
        assertThat(as(dpo, () -> handling.queue(false))).extracting(RightsRequest::status).containsExactly(RequestStatus.WITHDRAWN);
        // Withdrawn, it no longer blocks a new one.
        assertThat(as(leaAccount, () -> requests.submit(lea.id(), RequestType.ACCESS, null)).status()).isEqualTo(RequestStatus.RECEIVED);
    }

    private Callable<String> attempt(CountDownLatch start, UUID who, Supplier<RightsRequest> work) {
        return () -> {
            start.await();
            try {
                as(who, work);
                return "ok";
            } catch (eu.tutela.portal.tenancy.InvalidInputException refused) {
                return refused.problems().get("type");
            } finally {
                SignedInAs.nobody();
            }
        };
    }

    private int alertRound() {
        return TenantContext.callAs(school.id(), () -> new TransactionTemplate(transactionManager)
                .execute(status -> alerts.alert()));
    }

    private void dueOn(RightsRequest request, LocalDate due) {
        OwnerDatabase.inTenant(env, school.id(), owner -> owner.sql("update rights_request set due_on = ? where id = ?")
                .params(due, request.id()).update());
    }

    private static Map<String, String> unzip(byte[] zip) throws java.io.IOException {
        Map<String, String> files = new java.util.TreeMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (java.util.zip.ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private List<String> texts(String local, String containing) {
        return CaughtMail.to(mail(local)).stream().map(CaughtMail::text).filter(t -> t.contains(containing)).toList();
    }

    private List<String> auditActions(UUID requestId) {
        return OwnerDatabase.inTenant(env, school.id(), owner -> owner.sql("select action from audit_entry where subject_id = ? order by seq")
                .param(requestId.toString()).query(String.class).list());
    }

    private UUID withAccount(Person person, String local, TenantRole role) {
        UUID user = users.register(mail(local), person.givenName() + " " + person.familyName());
        TenantContext.runAs(school.id(), () -> memberships.grant(user, role));
        OwnerDatabase.inTenant(env, school.id(), owner -> owner.sql("update person set account_user_id = ? where id = ?")
                .params(user, person.id()).update());
        return user;
    }

    private Person register(PersonKind kind, String given, String family, LocalDate birthDate, String local) {
        return as(admin, () -> people.register(new PersonDetails(kind, given, family, birthDate, kind == PersonKind.STUDENT ? "5e A" : null,
                mail(local), null, "fr", null, null)));
    }

    private UUID member(String role, TenantRole tenantRole) {
        UUID id = users.register(mail(role), role + " " + suffix);
        TenantContext.runAs(school.id(), () -> memberships.grant(id, tenantRole));
        return id;
    }

    private String mail(String local) {
        return local + "-" + suffix + "@droits.example";
    }

    private <T> T as(UUID person, Supplier<T> work) {
        return SignedInAs.inTenant(person, school, work);
    }
}
