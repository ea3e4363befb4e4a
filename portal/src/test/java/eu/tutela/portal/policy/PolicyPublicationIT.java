package eu.tutela.portal.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import eu.tutela.policy.Lang;
import eu.tutela.policy.PolicyTemplates;
import eu.tutela.policy.diff.SectionDiff;
import eu.tutela.policy.variables.Problem;
import eu.tutela.portal.security.PortalUsers;
import eu.tutela.portal.security.SignedInAs;
import eu.tutela.portal.support.CaughtMail;
import eu.tutela.portal.support.OwnerDatabase;
import eu.tutela.portal.support.Refused;
import eu.tutela.portal.tenancy.ActingPerson;
import eu.tutela.portal.tenancy.InvalidInputException;
import eu.tutela.portal.tenancy.Memberships;
import eu.tutela.portal.tenancy.Tenant;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantDirectory;
import eu.tutela.portal.tenancy.TenantRole;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
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

/**
 * The policy's life against the real database and mail server: a draft from a template and the
 * institution's settings, saves that never overwrite a colleague's, problems named on their fields,
 * publication with immutable texts, minor and substantial changes classified and announced, and what
 * other roles and another tenant get.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PolicyPublicationIT {

    @Autowired
    PolicyDrafts drafts;
    @Autowired
    PolicyPublication publication;
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
    UUID admin;
    UUID dpo;
    UUID staff;
    UUID student;
    String suffix;

    @BeforeEach
    void aSchoolWithItsPeople() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        school = tenants.ensure("policy-" + suffix, "École Politique " + suffix, "FR", "fr");
        admin = member("admin", "Ada Admin", TenantRole.ADMIN);
        dpo = member("dpo", "Denis Délégué", TenantRole.DPO);
        staff = member("staff", "Sam Staff", TenantRole.STAFF);
        student = member("student", "Stella Student", TenantRole.STUDENT);
        // The student chose English in the portal (only they may say so).
        ActingPerson.runAs(student, () -> users.rememberLocale(student, Locale.ENGLISH));
    }

    @AfterEach
    void signOut() {
        SignedInAs.nobody();
    }

    @Test
    void aDraftStartsFromTheSettingsAndNeverOverwritesAColleaguesSave() {
        PolicyDraft started = as(admin, () -> drafts.start(HemiPolicy.TEMPLATE));
        assertThat(started.revision()).isEqualTo(1);
        assertThat(started.content().values()).containsEntry("controller.name", school.name()).containsEntry("controller.country", "FR");
        assertThat(started.content().clauses()).containsEntry("core-basis", "public-task").containsEntry("update-notice", "email-and-banner");

        PolicyDraft byDpo = as(dpo, () -> drafts.save(started.content().withValue("contact.email", "dpo@example.org"), 1));
        assertThat(byDpo.revision()).isEqualTo(2);
        assertThat(byDpo.updatedBy()).isEqualTo("Denis Délégué");

        // The administrator's tab still holds revision 1: their save is refused and names the DPO's.
        StaleDraftException refused = catchStale(() -> as(admin, () -> drafts.save(started.content().withValue("contact.email", "x@example.org"), 1)));
        assertThat(refused.current().revision()).isEqualTo(2);
        assertThat(refused.current().updatedBy()).isEqualTo("Denis Délégué");
        assertThat(as(admin, () -> drafts.current()).orElseThrow().content().values()).containsEntry("contact.email", "dpo@example.org");

        // Starting again while a draft exists gives that draft back rather than a second one.
        assertThat(catchStale(() -> as(admin, () -> drafts.start("online-learning"))).current().templateId()).isEqualTo(HemiPolicy.TEMPLATE);
        assertThatThrownBy(() -> as(admin, () -> {
            drafts.discard(1);
            return null;
        })).isInstanceOf(StaleDraftException.class);
        as(admin, () -> {
            drafts.discard(2);
            return null;
        });
        assertThat(as(admin, () -> drafts.current())).isEmpty();
        assertThat(Refused.problems(() -> as(admin, () -> drafts.start("no-such-template")))).containsEntry("template", "policy.template.unknown");
    }

    @Test
    void badValuesAreNamedOnTheirFieldsInThePersonsLanguageAndNothingIsPublished() {
        PolicyDraft draft = as(admin, () -> drafts.start(HemiPolicy.TEMPLATE));
        DraftContent bad = HemiPolicy.filledIn(draft.content())
                .withValue("contact.email", null)
                .withValue("dpo.email", "not-an-address")
                .withValue("retention.account", "-3 mois")
                .withValue("website", "javascript:alert(1)")
                .withFreeText(Lang.FR, "rights", "<script>alert('x')</script>")
                .withFreeText(Lang.EN, "rights", "[click](javascript:alert(1))");
        PolicyDraft saved = as(admin, () -> drafts.save(bad, draft.revision()));

        Preview french = as(admin, () -> drafts.preview(saved.templateId(), saved.content(), Lang.FR));
        assertThat(french.html()).isEmpty();
        assertThat(french.problems()).extracting(Problem::subject)
                .contains("contact.email", "dpo.email", "retention.account", "website", "rights");
        assertThat(message(french, "dpo.email", Lang.FR)).contains("not-an-address").contains("n’est pas une adresse e-mail valide");
        assertThat(message(french, "retention.account", Lang.EN)).contains("-3 mois");
        Preview english = as(admin, () -> drafts.preview(saved.templateId(), saved.content(), Lang.EN));
        assertThat(english.problems()).extracting(Problem::subject).contains("rights");

        assertThat(Refused.problems(() -> as(admin, () -> publication.publish(saved.revision(), null, null))))
                .containsEntry("draft", "policy.publish.problems");
        assertThat(as(admin, () -> versions.history())).isEmpty();
        assertThat(as(admin, () -> drafts.current()).orElseThrow().revision()).isEqualTo(saved.revision());
    }

    @Test
    void publishingKeepsImmutableTextsThenClassifiesMinorAndSubstantialChanges() throws Exception {
        PolicyDraft draft = as(admin, () -> drafts.start(HemiPolicy.TEMPLATE));
        PolicyDraft filled = as(admin, () -> drafts.save(HemiPolicy.filledIn(draft.content()), draft.revision()));
        Preview preview = as(admin, () -> drafts.preview(filled.templateId(), filled.content(), Lang.FR));
        assertThat(preview.problems()).isEmpty();
        assertThat(preview.html().orElseThrow()).contains("Scaleway").contains("Version 1 du");

        assertThat(as(admin, () -> publication.propose()).proposedKind()).contains(VersionKind.FIRST);
        assertThat(Refused.problems(() -> as(admin, () -> publication.publish(filled.revision(), VersionKind.MINOR, "pourquoi pas"))))
                .containsEntry("reason", "policy.publish.firstIsFirst");
        PolicyVersion first = as(admin, () -> publication.publish(filled.revision(), null, null));
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.kind()).isEqualTo(VersionKind.FIRST);
        assertThat(first.status()).isEqualTo(PolicyVersion.Status.ACTIVE);
        assertThat(first.publishedBy()).isEqualTo("Ada Admin");
        assertThat(first.languages()).containsExactly("en", "fr");
        PublishedText french = as(student, () -> versions.text(1, Lang.FR)).orElseThrow();
        assertThat(first.contentHashes().get("fr")).isEqualTo(PolicyTemplates.sha256(french.html())).isEqualTo(french.contentHash());
        assertThat(french.markdown()).contains("Scaleway");
        assertThat(new String(as(student, () -> versions.pdf(1, Lang.EN)).orElseThrow(), 0, 5)).isEqualTo("%PDF-");
        assertThat(as(admin, () -> drafts.current())).isEmpty();

        // Every member is told, in their language: the student chose English.
        await().atMost(Duration.ofSeconds(30)).until(() -> !CaughtMail.to(email("student")).isEmpty() && !CaughtMail.to(email("staff")).isEmpty());
        assertThat(CaughtMail.to(email("student")).getFirst().getSubject()).isEqualTo(school.name() + ": a new version of the privacy policy");
        assertThat(CaughtMail.to(email("staff")).getFirst().getSubject())
                .isEqualTo(school.name() + " : nouvelle version de la politique de confidentialité");
        assertThat(CaughtMail.found(email("student"), java.util.regex.Pattern.compile("(/t/" + school.slug() + "/policy/accept\\?via=mail)")))
                .isNotEmpty();

        // The published text never changes, not even for the schema owner.
        assertThatThrownBy(() -> TenantContext.runAs(school.id(), () -> jdbc.sql("update policy_rendering set html = 'x'").update()))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> OwnerDatabase.inTenant(env, school.id(), owner -> owner.sql("update policy_rendering set html = 'x'").update()))
                .rootCause().hasMessageContaining("immutable");
        assertThatThrownBy(() -> OwnerDatabase.inTenant(env, school.id(), owner -> owner.sql("update policy_version set kind = 'MINOR'").update()))
                .rootCause().hasMessageContaining("immutable");

        // The next draft starts from the active version; publishing it unchanged is refused.
        PolicyDraft next = as(dpo, () -> drafts.start(HemiPolicy.TEMPLATE));
        assertThat(next.content()).isEqualTo(filled.content());
        assertThat(as(dpo, () -> publication.propose()).proposedKind()).isEmpty();
        assertThat(Refused.problems(() -> as(dpo, () -> publication.publish(next.revision(), null, null))))
                .containsEntry("draft", "policy.publish.unchanged");

        // A new contact phone: minor; nobody is asked again, nobody is mailed.
        int mailsBefore = CaughtMail.to(email("student")).size();
        PolicyDraft phone = as(dpo, () -> drafts.save(next.content().withValue("contact.phone", "+33 3 20 99 99 99"), next.revision()));
        PublicationProposal minor = as(dpo, () -> publication.propose());
        assertThat(minor.proposedKind()).contains(VersionKind.MINOR);
        assertThat(minor.topics()).isEmpty();
        PolicyVersion second = as(dpo, () -> publication.publish(phone.revision(), null, null));
        assertThat(second.kind()).isEqualTo(VersionKind.MINOR);
        assertThat(as(admin, () -> versions.version(1)).orElseThrow().status()).isEqualTo(PolicyVersion.Status.ARCHIVED);

        // A processor outside the EEA: substantial, transfers touched; overriding it needs a reason.
        PolicyDraft third = as(admin, () -> drafts.start(HemiPolicy.TEMPLATE));
        PolicyDraft transfer = as(admin, () -> drafts.save(HemiPolicy.withProcessorOutsideEea(third.content()), third.revision()));
        PublicationProposal substantial = as(admin, () -> publication.propose());
        assertThat(substantial.proposedKind()).contains(VersionKind.SUBSTANTIAL);
        assertThat(substantial.topics()).contains("transfers");
        assertThat(Refused.problems(() -> as(admin, () -> publication.publish(transfer.revision(), VersionKind.MINOR, " "))))
                .containsEntry("reason", "policy.publish.reasonNeeded");
        PolicyVersion v3 = as(admin, () -> publication.publish(transfer.revision(), VersionKind.SUBSTANTIAL, null));
        assertThat(v3.topics()).contains("transfers");
        await().atMost(Duration.ofSeconds(30)).until(() -> CaughtMail.to(email("student")).size() == mailsBefore + 1);
        assertThat(CaughtMail.found(email("student"), java.util.regex.Pattern.compile("What changed: ([^.<]+)")))
                .last().asString().contains("transfers outside the EEA");

        List<SectionDiff> changed = as(student, () -> versions.compare(2, 3, Lang.EN)).changedSections();
        assertThat(changed).extracting(SectionDiff::sectionId).contains("transfers");
        assertThat(as(student, () -> versions.history())).extracting(PolicyVersion::number).containsExactly(3, 2, 1);
        assertThat(as(admin, () -> versions.version(2)).orElseThrow().status()).isEqualTo(PolicyVersion.Status.ARCHIVED);
    }

    @Test
    void otherRolesAndAnotherTenantGetNothingOfIt() {
        PolicyDraft draft = as(admin, () -> drafts.start(HemiPolicy.TEMPLATE));
        PolicyDraft filled = as(admin, () -> drafts.save(HemiPolicy.filledIn(draft.content()), draft.revision()));
        as(admin, () -> publication.publish(filled.revision(), null, null));

        assertThatThrownBy(() -> as(staff, () -> drafts.current())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(student, () -> drafts.start(HemiPolicy.TEMPLATE))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(student, () -> publication.propose())).isInstanceOf(AccessDeniedException.class);

        // Another institution's administrator, with this school's version numbers: nothing.
        Tenant other = tenants.ensure("policy-other-" + suffix, "Autre École " + suffix, "BE", "fr");
        UUID otherAdmin = users.register("admin-" + suffix + "@other-school.example", "Olga Other");
        TenantContext.runAs(other.id(), () -> memberships.grant(otherAdmin, TenantRole.ADMIN));
        SignedInAs.person(otherAdmin, other.slug());
        assertThat(TenantContext.callAs(other.id(), () -> versions.history())).isEmpty();
        assertThat(TenantContext.callAs(other.id(), () -> versions.text(1, Lang.FR))).isEmpty();
        assertThat(TenantContext.callAs(other.id(), () -> drafts.current())).isEmpty();
        // Their token does not name this school: asking in this school's context is refused.
        assertThatThrownBy(() -> TenantContext.callAs(school.id(), () -> versions.history())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TenantContext.callAs(school.id(), () -> drafts.start(HemiPolicy.TEMPLATE))).isInstanceOf(AccessDeniedException.class);
    }

    private UUID member(String role, String name, TenantRole tenantRole) {
        UUID id = users.register(email(role), name);
        TenantContext.runAs(school.id(), () -> memberships.grant(id, tenantRole));
        return id;
    }

    private String email(String role) {
        return role + "-" + suffix + "@policy-school.example";
    }

    private <T> T as(UUID person, Supplier<T> work) {
        return SignedInAs.inTenant(person, school, work);
    }

    private static String message(Preview preview, String subject, Lang lang) {
        return preview.problems().stream().filter(p -> p.subject().equals(subject)).findFirst().orElseThrow().message(lang);
    }

    private static StaleDraftException catchStale(Runnable work) {
        try {
            work.run();
        } catch (StaleDraftException stale) {
            return stale;
        }
        throw new AssertionError("Expected the save to be refused as stale");
    }
}
