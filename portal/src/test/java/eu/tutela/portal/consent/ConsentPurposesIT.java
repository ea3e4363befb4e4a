package eu.tutela.portal.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import eu.tutela.policy.LawfulBasis;
import eu.tutela.portal.people.People;
import eu.tutela.portal.people.Person;
import eu.tutela.portal.people.PersonDetails;
import eu.tutela.portal.people.PersonKind;
import eu.tutela.portal.policy.DraftContent;
import eu.tutela.portal.policy.HemiPolicy;
import eu.tutela.portal.policy.PolicyDraft;
import eu.tutela.portal.policy.PolicyDrafts;
import eu.tutela.portal.policy.PolicyPublication;
import eu.tutela.portal.policy.PolicyVersion;
import eu.tutela.portal.security.PortalUsers;
import eu.tutela.portal.security.SignedInAs;
import eu.tutela.portal.support.OwnerDatabase;
import eu.tutela.portal.support.Refused;
import eu.tutela.portal.tenancy.Memberships;
import eu.tutela.portal.tenancy.Tenant;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantDirectory;
import eu.tutela.portal.tenancy.TenantRole;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

/**
 * Purposes and channel preferences against the real database: purposes follow the published policy (added, restated,
 * retired) and keep a wording adapted here; bad wording and a basis the policy decides are refused with nothing changed;
 * another institution sees and changes nothing, and only administrators and the DPO change anything.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ConsentPurposesIT {

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
    Environment env;

    Tenant school;
    String suffix;
    UUID admin;
    UUID dpo;
    UUID staff;

    @BeforeEach
    void aUniversity() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        school = tenants.ensure("purposes-" + suffix, "École Finalités " + suffix, "FR", "fr");
        admin = member(school, "admin", TenantRole.ADMIN);
        dpo = member(school, "dpo", TenantRole.DPO);
        staff = member(school, "staff", TenantRole.STAFF);
    }

    @AfterEach
    void signOut() {
        SignedInAs.nobody();
    }

    @Test
    void purposesFollowThePublishedPolicyAndKeepAWordingAdaptedHere() {
        assertThat(as(admin, () -> purposes.all())).isEmpty();
        assertThat(Refused.problems(() -> as(admin, () -> purposes.takeFromActivePolicy()))).containsEntry("policy", "consent.purposes.noPolicy");

        publish(HemiPolicy::filledIn);
        List<ConsentPurpose> first = as(admin, () -> purposes.all());
        assertThat(first).extracting(ConsentPurpose::code, ConsentPurpose::basis, ConsentPurpose::consentRequired, ConsentPurpose::defaultOn)
                .containsExactly(
                        tuple("studies", LawfulBasis.E, false, true),
                        tuple("digital-services", LawfulBasis.F, false, true),
                        tuple("platform-improvement", LawfulBasis.F, false, true),
                        tuple("account-notices", LawfulBasis.E, false, true),
                        tuple("fraud-prevention", LawfulBasis.F, false, true),
                        tuple("legal-obligations", LawfulBasis.C, false, true),
                        tuple("news-and-offers", LawfulBasis.A, true, false),
                        tuple(ConsentPurpose.ACCOUNT, LawfulBasis.A, true, false));
        ConsentPurpose account = first.getLast();
        assertThat(account.name(Locale.FRENCH)).isEqualTo("Le compte de l’enfant sur le portail");
        assertThat(Refused.problems(() -> as(admin, () -> purposes.rebase(account.id(), LawfulBasis.B))))
                .as("a child's account rests on consent, always (GDPR Art. 8)").containsEntry("basis", "consent.purpose.accountFixed");
        assertThat(Refused.problems(() -> as(admin, () -> purposes.setActive(account.id(), false))))
                .containsEntry("purpose", "consent.purpose.accountFixed");
        ConsentPurpose studies = first.getFirst();
        assertThat(studies.name(Locale.FRENCH)).isEqualTo("Scolarité et diplômes");
        assertThat(studies.name(Locale.ENGLISH)).isEqualTo("Studies and degrees");
        assertThat(studies.statedIn()).isEqualTo(1);
        assertThat(studies.sectionId()).isEqualTo("purposes");

        PurposeWording ours = new PurposeWording("Scolarité à HEMI", "Studies at HEMI", "Votre inscription et vos examens à HEMI.",
                "Your enrolment and examinations at HEMI.");
        assertThat(as(dpo, () -> purposes.reword(studies.id(), ours)).reworded()).isTrue();

        // Version 2: studies under a contract, no more marketing. The basis follows the policy, the wording stays ours.
        publish(content -> content.withClause("core-basis", "contract").withClause("marketing", "off"));
        ConsentPurpose restated = as(admin, () -> purposes.find(studies.id())).orElseThrow();
        assertThat(restated.basis()).isEqualTo(LawfulBasis.B);
        assertThat(restated.wording()).isEqualTo(ours);
        assertThat(restated.statedIn()).isEqualTo(2);
        assertThat(as(admin, () -> purposes.all())).filteredOn(p -> p.code().equals("news-and-offers")).singleElement()
                .extracting(ConsentPurpose::status).isEqualTo(ConsentPurpose.Status.RETIRED);

        // Version 3: marketing again. The same purpose comes back (its consents, later, with it), not a new one.
        publish(content -> content.withClause("marketing", "on"));
        assertThat(as(admin, () -> purposes.all())).filteredOn(p -> p.code().equals("news-and-offers"))
                .extracting(ConsentPurpose::status, ConsentPurpose::statedIn).containsExactly(tuple(ConsentPurpose.Status.ACTIVE, 3));
        assertThat(as(admin, () -> purposes.takeFromActivePolicy())).as("taking them again changes nothing").isEqualTo(new PurposeChanges(0, 0, 0));

        List<String> audited = OwnerDatabase.inTenant(env, school.id(), owner -> owner.sql(
                "select action from audit_entry where tenant_id = ? and action like 'consent.%' order by seq").param(school.id())
                .query(String.class).list());
        assertThat(audited).containsExactly("consent.purposes.stated", "consent.purpose.reworded", "consent.purposes.stated",
                "consent.purposes.stated");
    }

    @Test
    void badWordingAndABasisThePolicyDecidesAreRefusedWithNothingChanged() {
        publish(HemiPolicy::filledIn);
        ConsentPurpose studies = as(admin, () -> purposes.all()).getFirst();

        Map<String, String> problems = Refused.problems(() -> as(admin, () -> purposes.reword(studies.id(),
                new PurposeWording(" ", "<script>alert(1)</script>", "x".repeat(2001), "Fine."))));
        assertThat(problems).containsExactlyInAnyOrderEntriesOf(Map.of("nameFr", "consent.purpose.required",
                "nameEn", "consent.purpose.markup", "descriptionFr", "consent.purpose.descriptionTooLong"));
        assertThat(as(admin, () -> purposes.find(studies.id())).orElseThrow()).isEqualTo(studies);
        assertThat(Refused.problems(() -> as(admin, () -> purposes.rebase(studies.id(), LawfulBasis.A))))
                .containsEntry("basis", "consent.purpose.basisFromPolicy");
        assertThat(Refused.problems(() -> as(admin, () -> purposes.setActive(studies.id(), false))))
                .containsEntry("purpose", "consent.purpose.statusFromPolicy");

        // A purpose added by hand: consent as its basis makes it off until consent; its basis and use are ours to change.
        PurposeWording trips = new PurposeWording("Voyages scolaires à l’étranger", "School trips abroad",
                "Organiser les voyages et transmettre la liste aux partenaires.", "Organising trips and giving the list to partners.");
        assertThat(Refused.problems(() -> as(admin, () -> purposes.add(trips, null)))).containsEntry("basis", "consent.purpose.basisRequired");
        ConsentPurpose added = as(admin, () -> purposes.add(trips, LawfulBasis.A));
        assertThat(added.code()).isEqualTo("school-trips-abroad");
        assertThat(added.consentRequired()).isTrue();
        assertThat(added.defaultOn()).isFalse();
        assertThat(added.addedByHand()).isTrue();
        assertThat(Refused.problems(() -> as(admin, () -> purposes.add(trips, LawfulBasis.A)))).containsEntry("nameEn", "consent.purpose.duplicate");
        assertThat(as(admin, () -> purposes.rebase(added.id(), LawfulBasis.F)).consentRequired()).isFalse();
        assertThat(as(admin, () -> purposes.setActive(added.id(), false)).status()).isEqualTo(ConsentPurpose.Status.RETIRED);
        assertThat(ConsentPurposes.codeFor("Élèves — sorties & « voyages »")).isEqualTo("eleves-sorties-voyages");
    }

    @Test
    void anotherInstitutionNeitherSeesNorChangesThemAndOnlyAdministratorsAndTheDpoChangeAnything() {
        publish(HemiPolicy::filledIn);
        ConsentPurpose studies = as(admin, () -> purposes.all()).getFirst();
        Person guardian = as(admin, () -> people.register(new PersonDetails(PersonKind.GUARDIAN, "Gaëlle", "Parent", null, null,
                "gaelle@example.org", null, "fr", null, null)));

        Tenant other = tenants.ensure("purposes-other-" + suffix, "Autre École " + suffix, "BE", "fr");
        UUID otherAdmin = member(other, "other-admin", TenantRole.ADMIN);
        assertThat(SignedInAs.inTenant(otherAdmin, other, () -> purposes.find(studies.id()))).isEmpty();
        assertThat(SignedInAs.inTenant(otherAdmin, other, () -> purposes.all())).isEmpty();
        assertThat(Refused.problems(() -> SignedInAs.inTenant(otherAdmin, other, () -> purposes.reword(studies.id(), studies.wording()))))
                .containsEntry("purpose", "consent.purpose.unknown");
        assertThat(Refused.problems(() -> SignedInAs.inTenant(otherAdmin, other, () -> channels.of(guardian.id()))))
                .containsEntry("person", "consent.channels.unknownPerson");
        assertThat(Refused.problems(() -> SignedInAs.inTenant(otherAdmin, other,
                () -> channels.choose(guardian.id(), ChannelTopic.MARKETING, EnumSet.allOf(Channel.class)))))
                .containsEntry("person", "consent.channels.unknownPerson");

        assertThat(as(staff, () -> purposes.all())).hasSize(8);
        assertThat(as(staff, () -> purposes.mayEdit())).isFalse();
        assertThatThrownBy(() -> as(staff, () -> purposes.reword(studies.id(), studies.wording()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(staff, () -> purposes.takeFromActivePolicy())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(staff, () -> channels.of(guardian.id()))).isInstanceOf(AccessDeniedException.class);
        assertThat(as(admin, () -> channels.of(guardian.id())).allowed()).as("unchanged by all that")
                .isEqualTo(Map.of(ChannelTopic.INFORMATION, Set.of(Channel.EMAIL), ChannelTopic.MARKETING, Set.of()));
    }

    @Test
    void channelPreferencesAreRecordedPerTopicAndAudited() {
        Person guardian = as(admin, () -> people.register(new PersonDetails(PersonKind.GUARDIAN, "Gaëlle", "Parent", null, null,
                "gaelle@example.org", "+33 6 00 00 00 00", "fr", null, null)));
        Person pupil = as(admin, () -> people.register(new PersonDetails(PersonKind.STUDENT, "Paul", "Parent", LocalDate.of(2012, 5, 1),
                "5e A", null, null, "fr", null, null)));
        ChannelChoices defaults = as(dpo, () -> channels.of(guardian.id()));
        assertThat(defaults.allows(ChannelTopic.INFORMATION, Channel.EMAIL)).isTrue();
        assertThat(defaults.allows(ChannelTopic.INFORMATION, Channel.SMS)).isFalse();
        assertThat(defaults.allows(ChannelTopic.MARKETING, Channel.EMAIL)).as("no marketing before consent").isFalse();

        as(dpo, () -> channels.choose(guardian.id(), ChannelTopic.INFORMATION, EnumSet.of(Channel.SMS, Channel.POST)));
        ChannelChoices chosen = as(admin, () -> channels.choose(guardian.id(), ChannelTopic.MARKETING, EnumSet.of(Channel.WHATSAPP)));
        assertThat(chosen.allowed()).isEqualTo(Map.of(ChannelTopic.INFORMATION, Set.of(Channel.SMS, Channel.POST),
                ChannelTopic.MARKETING, Set.of(Channel.WHATSAPP)));
        assertThat(as(admin, () -> channels.of(pupil.id())).allowed().get(ChannelTopic.INFORMATION)).as("another person keeps the default")
                .containsExactly(Channel.EMAIL);
        as(admin, () -> channels.choose(guardian.id(), ChannelTopic.MARKETING, EnumSet.of(Channel.WHATSAPP))); // the same again

        List<Map<String, Object>> audited = OwnerDatabase.inTenant(env, school.id(), owner -> owner.sql(
                "select action, summary from audit_entry where tenant_id = ? and subject_id = ? and action like 'consent.%' order by seq")
                .params(school.id(), guardian.id().toString()).query().listOfRows());
        assertThat(audited).extracting(row -> row.get("action")).containsExactly("consent.channels.chosen", "consent.channels.chosen");
        assertThat((String) audited.get(0).get("summary")).contains("INFORMATION").contains("EMAIL").contains("POST,SMS");
        assertThat((String) audited.get(1).get("summary")).contains("MARKETING").contains("WHATSAPP");
    }

    private PolicyVersion publish(UnaryOperator<DraftContent> edit) {
        PolicyDraft draft = as(admin, () -> drafts.current().orElseGet(() -> drafts.start(HemiPolicy.TEMPLATE)));
        PolicyDraft saved = as(admin, () -> drafts.save(edit.apply(draft.content()), draft.revision()));
        return as(admin, () -> publication.publish(saved.revision(), null, null));
    }

    private UUID member(Tenant tenant, String role, TenantRole tenantRole) {
        UUID id = users.register(role + "-" + suffix + "@purposes.example", role + " " + suffix);
        TenantContext.runAs(tenant.id(), () -> memberships.grant(id, tenantRole));
        return id;
    }

    private <T> T as(UUID person, Supplier<T> work) {
        return SignedInAs.inTenant(person, school, work);
    }
}
