package eu.tutela.portal.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import eu.tutela.policy.Lang;
import eu.tutela.portal.security.PortalUsers;
import eu.tutela.portal.security.SignedInAs;
import eu.tutela.portal.support.CaughtMail;
import eu.tutela.portal.support.OwnerDatabase;
import eu.tutela.portal.support.Refused;
import eu.tutela.portal.tenancy.InvalidInputException;
import eu.tutela.portal.tenancy.Memberships;
import eu.tutela.portal.tenancy.Tenant;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantDirectory;
import eu.tutela.portal.tenancy.TenantRole;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
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
 * Who must accept what, against the real database and mail server: the version a member must decide on,
 * the diff from the one they accepted, decisions recorded with their text and hash and never changed,
 * declining only where the institution allows it, the dashboard by role, reminders, the CSV, the text
 * for pupils, and nothing across institutions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PolicyAcceptanceIT {

    @Autowired
    PolicyDrafts drafts;
    @Autowired
    PolicyPublication publication;
    @Autowired
    PolicyAcceptances acceptances;
    @Autowired
    PolicyVersions versions;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    Memberships memberships;
    @Autowired
    PortalUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment env;

    Tenant school;
    String suffix;
    UUID admin;
    UUID staff;
    UUID guardian;
    UUID student;

    @BeforeEach
    void aSchoolWithItsPeople() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        school = tenants.ensure("accept-" + suffix, "Lycée Acceptation " + suffix, "FR", "fr");
        admin = member("admin", "Ada Admin", TenantRole.ADMIN);
        staff = member("staff", "=HYPERLINK(\"http://evil.example\")", TenantRole.STAFF);
        guardian = member("guardian", "Gaston Parent", TenantRole.GUARDIAN);
        student = member("student", "Stella Élève", TenantRole.STUDENT);
    }

    @AfterEach
    void signOut() {
        SignedInAs.nobody();
    }

    @Test
    void everyoneAcceptsTheFirstVersionAndASubstantialChangeButNotAMinorOne() throws Exception {
        PolicyVersion first = publish(HemiPolicy.TEMPLATE, HemiPolicy::filledIn, null);
        assertThat(first.kind()).isEqualTo(VersionKind.FIRST);

        // The publisher's publication is their acceptance; everyone else is asked.
        assertThat(as(admin, () -> acceptances.pending())).isEmpty();
        PendingVersion staffPending = as(staff, () -> acceptances.pending()).orElseThrow();
        assertThat(staffPending.version().number()).isEqualTo(1);
        assertThat(staffPending.lastAccepted()).isEmpty();
        assertThat(staffPending.mayDecline()).isFalse();
        assertThat(staffPending.pupilTextFirst()).isFalse();

        // Declining is refused where the institution did not allow it; nothing is recorded.
        assertThat(Refused.problems(() -> as(staff, () -> run(() -> acceptances.decline(1, Lang.FR, TextShown.FULL, AcceptanceChannel.SIGN_IN)))))
                .containsEntry("decision", "policy.accept.mustAccept");
        assertThat(as(staff, () -> acceptances.pending())).isPresent();
        as(staff, () -> run(() -> acceptances.accept(1, Lang.FR, TextShown.FULL, AcceptanceChannel.EMAIL_LINK)));
        as(staff, () -> run(() -> acceptances.accept(1, Lang.FR, TextShown.FULL, AcceptanceChannel.SIGN_IN))); // a second click
        assertThat(as(staff, () -> acceptances.pending())).isEmpty();
        assertThat(records(staff)).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("decision", "ACCEPTED").containsEntry("lang", "fr").containsEntry("text_shown", "FULL")
                    .containsEntry("channel", "EMAIL_LINK").containsEntry("version_number", 1);
            assertThat(row.get("content_hash")).isEqualTo(first.contentHashes().get("fr"));
        });

        // Parents may decline here: the guardian does, and goes on.
        as(admin, () -> run(() -> acceptances.allowDecline(Set.of(TenantRole.GUARDIAN))));
        assertThat(as(guardian, () -> acceptances.pending()).orElseThrow().mayDecline()).isTrue();
        as(guardian, () -> run(() -> acceptances.decline(1, Lang.FR, TextShown.FULL, AcceptanceChannel.SIGN_IN)));
        assertThat(as(guardian, () -> acceptances.pending())).isEmpty();

        assertThat(as(admin, () -> acceptances.dashboard(1))).containsExactly(
                new AcceptanceCounts(TenantRole.ADMIN, 1, 0, 0), new AcceptanceCounts(TenantRole.STAFF, 1, 0, 0),
                new AcceptanceCounts(TenantRole.GUARDIAN, 0, 1, 0), new AcceptanceCounts(TenantRole.STUDENT, 0, 0, 1));

        // Reminders go to the one who has not decided, with the link that records "by e-mail".
        assertThat(as(admin, () -> acceptances.remind(1))).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> CaughtMail.to(email("student")).stream()
                .anyMatch(m -> subject(m).contains("merci de lire la nouvelle politique")));
        assertThat(CaughtMail.found(email("student"), Pattern.compile("(/t/" + school.slug() + "/policy/accept\\?via=mail)"))).isNotEmpty();
        assertThat(CaughtMail.to(email("staff")).stream().noneMatch(m -> subject(m).contains("merci de lire"))).isTrue();

        // The CSV: everyone, their decision, and a name that a spreadsheet would run kept as text.
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        as(admin, () -> run(() -> acceptances.exportCsv(1, ZoneId.of("Europe/Paris"), csv)));
        String exported = csv.toString(StandardCharsets.UTF_8);
        assertThat(exported).startsWith("\uFEFFname,email,roles,decision,version,decided_at,language,text_shown,channel,content_hash");
        assertThat(exported).contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\"," + email("staff") + ",STAFF,ACCEPTED,1,");
        assertThat(exported).contains("Stella Élève," + email("student") + ",STUDENT,PENDING");
        assertThat(exported).contains("Gaston Parent," + email("guardian") + ",GUARDIAN,DECLINED,1,");

        // A substantial change: asked again, with the version they accepted to compare with.
        PolicyVersion second = publish(HemiPolicy.TEMPLATE, HemiPolicy::withProcessorOutsideEea, null);
        assertThat(second.kind()).isEqualTo(VersionKind.SUBSTANTIAL);
        PendingVersion again = as(staff, () -> acceptances.pending()).orElseThrow();
        assertThat(again.version().number()).isEqualTo(2);
        assertThat(again.lastAccepted()).contains(1);
        assertThat(Refused.problems(() -> as(staff, () -> run(() -> acceptances.accept(1, Lang.FR, TextShown.FULL, AcceptanceChannel.SIGN_IN)))))
                .containsEntry("version", "policy.accept.notCurrent");
        assertThat(Refused.problems(() -> as(staff, () -> run(() -> acceptances.accept(2, Lang.FR, TextShown.FULL, AcceptanceChannel.PUBLISHED)))))
                .containsEntry("version", "policy.accept.notCurrent");
        // The pupil text exists only for the school template.
        assertThat(Refused.problems(() -> as(staff, () -> run(() -> acceptances.accept(2, Lang.FR, TextShown.PUPIL, AcceptanceChannel.SIGN_IN)))))
                .containsEntry("version", "policy.version.unknown");
        as(staff, () -> run(() -> acceptances.accept(2, Lang.EN, TextShown.FULL, AcceptanceChannel.SIGN_IN)));
        assertThat(as(admin, () -> acceptances.dashboard(2))).contains(new AcceptanceCounts(TenantRole.STAFF, 1, 0, 0),
                new AcceptanceCounts(TenantRole.GUARDIAN, 0, 0, 1));
        // Whoever accepted version 2 has accepted a text that includes version 1's commitments.
        assertThat(as(admin, () -> acceptances.dashboard(1))).contains(new AcceptanceCounts(TenantRole.STAFF, 1, 0, 0));

        // A minor change asks nobody again.
        publish(HemiPolicy.TEMPLATE, content -> content.withValue("contact.phone", "+33 1 99 99 99 99"), VersionKind.MINOR);
        assertThat(as(staff, () -> acceptances.pending())).isEmpty();
        assertThat(as(student, () -> acceptances.pending()).orElseThrow().version().number()).isEqualTo(3);

        // A decision is evidence: the application may not change or remove it.
        assertThatThrownBy(() -> TenantContext.runAs(school.id(), () ->
                jdbc.sql("update policy_acceptance set decision = 'DECLINED'").update())).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> TenantContext.runAs(school.id(), () ->
                jdbc.sql("delete from policy_acceptance").update())).rootCause().hasMessageContaining("permission denied");
    }

    @Test
    void pupilsAreShownTheirOwnTextFirstAndTheRecordSaysSo() {
        PolicyVersion first = publish("school-minors", content -> content
                .withValue("controller.address", "2 rue des Écoles, 75005 Paris")
                .withValue("contact.email", "vie.scolaire@college.example")
                .withValue("contact.channels", List.of("EMAIL", "SMS"))
                .withValue("dpo.email", "dpo@college.example")
                .withValue("retention.account", "3 ans")
                .withValue("retention.logs", "1 an")
                .withClause("photos", "on"), null);
        PendingVersion pupil = as(student, () -> acceptances.pending()).orElseThrow();
        assertThat(pupil.pupilTextFirst()).isTrue();
        assertThat(as(guardian, () -> acceptances.pending()).orElseThrow().pupilTextFirst()).isFalse();
        PublishedText forPupils = as(student, () -> versions.text(1, Lang.FR, TextShown.PUPIL)).orElseThrow();
        assertThat(forPupils.html()).contains("Tes données personnelles à l’école").contains("dpo@college.example");
        assertThat(forPupils.contentHash()).isNotEqualTo(first.contentHashes().get("fr"));

        as(student, () -> run(() -> acceptances.accept(1, Lang.FR, TextShown.PUPIL, AcceptanceChannel.SIGN_IN)));
        assertThat(records(student)).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("text_shown", "PUPIL");
            assertThat(row.get("content_hash")).isEqualTo(forPupils.contentHash());
        });
    }

    @Test
    void anotherInstitutionSeesNoneOfItAndOtherRolesMayNotAdministerIt() {
        publish(HemiPolicy.TEMPLATE, HemiPolicy::filledIn, null);
        assertThatThrownBy(() -> as(student, () -> acceptances.dashboard(1))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(staff, () -> acceptances.remind(1))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(guardian, () -> run(() -> acceptances.allowDecline(Set.of(TenantRole.GUARDIAN)))))
                .isInstanceOf(AccessDeniedException.class);

        Tenant other = tenants.ensure("accept-other-" + suffix, "Autre Lycée " + suffix, "BE", "fr");
        UUID otherAdmin = users.register("admin-" + suffix + "@other-lycee.example", "Olga Other");
        TenantContext.runAs(other.id(), () -> memberships.grant(otherAdmin, TenantRole.ADMIN));
        // In their own institution, this school's version numbers mean nothing.
        assertThat(Refused.problems(() -> SignedInAs.inTenant(otherAdmin, other, () -> acceptances.dashboard(1))))
                .containsEntry("version", "policy.version.unknown");
        assertThat(SignedInAs.inTenant(otherAdmin, other, () -> acceptances.pending())).isEmpty();
        // In this school, they are nobody.
        SignedInAs.person(otherAdmin, other.slug());
        assertThatThrownBy(() -> TenantContext.callAs(school.id(), () -> acceptances.dashboard(1))).isInstanceOf(AccessDeniedException.class);
        assertThat(TenantContext.callAs(school.id(), () -> acceptances.pending())).isEmpty();
        assertThatThrownBy(() -> TenantContext.runAs(school.id(), () -> acceptances.accept(1, Lang.FR, TextShown.FULL, AcceptanceChannel.SIGN_IN)))
                .isInstanceOf(AccessDeniedException.class);
    }

    private PolicyVersion publish(String template, java.util.function.UnaryOperator<DraftContent> edit, VersionKind kind) {
        PolicyDraft draft = as(admin, () -> drafts.current().orElseGet(() -> drafts.start(template)));
        PolicyDraft saved = as(admin, () -> drafts.save(edit.apply(draft.content()), draft.revision()));
        return as(admin, () -> publication.publish(saved.revision(), kind, null));
    }

    private List<Map<String, Object>> records(UUID person) {
        return OwnerDatabase.inTenant(env, school.id(), owner -> owner.sql("""
                        select version_number, decision, lang, text_shown, channel, content_hash from policy_acceptance where user_id = ?""")
                .param(person).query().listOfRows());
    }

    private UUID member(String role, String name, TenantRole tenantRole) {
        UUID id = users.register(email(role), name);
        TenantContext.runAs(school.id(), () -> memberships.grant(id, tenantRole));
        return id;
    }

    private String email(String role) {
        return role + "-" + suffix + "@accept-school.example";
    }

    private <T> T as(UUID person, Supplier<T> work) {
        return SignedInAs.inTenant(person, school, work);
    }

    private static Object run(Runnable work) {
        work.run();
        return null;
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }
}
