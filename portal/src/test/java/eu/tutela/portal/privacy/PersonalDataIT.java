package eu.tutela.portal.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import eu.tutela.portal.consent.ConsentPurposes;
import eu.tutela.portal.consent.ConsentService;
import eu.tutela.portal.consent.Decision;
import eu.tutela.portal.people.People;
import eu.tutela.portal.people.Person;
import eu.tutela.portal.people.PersonDetails;
import eu.tutela.portal.people.PersonKind;
import eu.tutela.portal.people.Relationship;
import eu.tutela.portal.policy.HemiPolicy;
import eu.tutela.portal.policy.PolicyDraft;
import eu.tutela.portal.policy.PolicyDrafts;
import eu.tutela.portal.policy.PolicyPublication;
import eu.tutela.portal.rights.RequestType;
import eu.tutela.portal.rights.RightsRequests;
import eu.tutela.portal.security.PortalUsers;
import eu.tutela.portal.security.SignedInAs;
import eu.tutela.portal.support.OwnerDatabase;
import eu.tutela.portal.tenancy.Memberships;
import eu.tutela.portal.tenancy.Tenant;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantDirectory;
import eu.tutela.portal.tenancy.TenantRole;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The provider contract against the real schema: every table holding personal data is some module's (read from the
 * database catalog), each category reads in French and English, and one person's export holds their data from every
 * module and nobody else's, in their institution only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PersonalDataIT {

    /** Tables that hold no personal data, and why. Any other table must be covered by a provider. */
    private static final Map<String, String> NOT_PERSONAL = Map.of(
            "tenant", "institutions, not people",
            "consent_purpose", "the wording of an institution's purposes",
            "policy_rendering", "the rendered text of a published policy",
            "policy_acceptance_rule", "an institution's setting",
            "scheduled_tasks", "the job engine's queue: task data holds only ids of other rows",
            "registry_change", "which transactions changed an institution's registry: transaction ids only",
            "flyway_schema_history", "schema migrations");

    @Autowired
    PersonalData personalData;
    @Autowired
    MessageSource messages;
    @Autowired
    ProcessingRecords processingRecords;
    @Autowired
    People people;
    @Autowired
    ConsentService consents;
    @Autowired
    ConsentPurposes purposes;
    @Autowired
    RightsRequests requests;
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
    PlatformTransactionManager transactionManager;
    @Autowired
    Environment env;

    @AfterEach
    void signOut() {
        SignedInAs.nobody();
    }

    @Test
    void everyTableHoldingPersonalDataIsAProvidersAndEachCategoryReadsInBothLanguages() {
        Set<String> tables = new TreeSet<>(OwnerDatabase.of(env).sql("""
                select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'""")
                .query(String.class).list());
        Map<String, String> owners = new LinkedHashMap<>();
        for (PersonalDataProvider provider : personalData.providers()) {
            for (DataCategory category : provider.categories()) {
                category.tables().forEach(t -> owners.put(t, provider.module() + "/" + category.key()));
                for (Locale locale : List.of(Locale.FRENCH, Locale.ENGLISH)) {
                    for (String part : List.of("name", "what", "purpose", "retention", "source")) {
                        assertThat(messages.getMessage("privacy.category." + category.key() + "." + part, null, null, locale))
                                .as(category.key() + "." + part + " in " + locale).isNotBlank();
                    }
                    category.recipientKeys().forEach(r -> assertThat(messages.getMessage(r, null, null, locale)).as(r).isNotBlank());
                }
            }
        }
        Set<String> uncovered = new TreeSet<>(tables);
        uncovered.removeAll(owners.keySet());
        uncovered.removeAll(NOT_PERSONAL.keySet());
        assertThat(uncovered).as("tables holding personal data that no provider covers").isEmpty();
        assertThat(tables).as("every table a provider names exists").containsAll(owners.keySet()).containsAll(NOT_PERSONAL.keySet());
        assertThat(personalData.providers()).extracting(PersonalDataProvider::module)
                .contains("audit", "communication", "consent", "jobs", "notification", "people", "platform", "policy", "rights", "security");
    }

    @Test
    void everyCategoryIsErasedAnonymisedOrKeptWithAReasonInBothLanguages() {
        DataSubject anyone = new DataSubject(UUID.randomUUID(), UUID.randomUUID(), "anyone@example.org", "Any One");
        for (PersonalDataProvider provider : personalData.providers()) {
            Set<String> declared = new TreeSet<>(provider.categories().stream().map(DataCategory::key).toList());
            List<ErasureStep> steps = provider.erasure(anyone);
            assertThat(new TreeSet<>(steps.stream().map(ErasureStep::category).toList())).as(provider.module() + ": what its erasure covers")
                    .isEqualTo(declared);
            for (ErasureStep step : steps) {
                for (Locale locale : List.of(Locale.FRENCH, Locale.ENGLISH)) {
                    assertThat(messages.getMessage("privacy.erasure.outcome." + step.outcome(), null, null, locale)).isNotBlank();
                    if (step.holdKey() != null) {
                        assertThat(messages.getMessage(step.holdKey(), null, null, locale)).as(step.holdKey() + " in " + locale).isNotBlank();
                    }
                }
            }
        }
    }

    @Test
    void theRecordsOfProcessingAreTheDposAndAdministratorsOnly() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Tenant school = tenants.ensure("records-" + suffix, "Collège Registre " + suffix, "FR", "fr");
        UUID dpo = users.register("dpo-" + suffix + "@registre.example", "DPO " + suffix);
        UUID pupil = users.register("eleve-" + suffix + "@registre.example", "Élève " + suffix);
        TenantContext.runAs(school.id(), () -> {
            memberships.grant(dpo, TenantRole.DPO);
            memberships.grant(pupil, TenantRole.STUDENT);
        });
        List<ProcessingRecord> records = SignedInAs.inTenant(dpo, school, () -> processingRecords.records(Locale.FRENCH));
        long categories = personalData.providers().stream().mapToLong(p -> p.categories().size()).sum();
        assertThat(records).hasSize((int) categories);
        assertThat(records).filteredOn(r -> r.category().equals("person")).singleElement()
                .satisfies(r -> assertThat(r.name()).isEqualTo("Fiche du registre"))
                .satisfies(r -> assertThat(r.basis()).isEqualTo("Mission d’intérêt public (RGPD art. 6(1)(e))"))
                .satisfies(r -> assertThat(r.tables()).containsExactly("person"));
        assertThat(SignedInAs.inTenant(dpo, school, () -> processingRecords.records(Locale.ENGLISH)))
                .extracting(ProcessingRecord::name).contains("Registry record", "Consent records", "Rights requests");
        assertThat(SignedInAs.inTenant(dpo, school, () -> processingRecords.pdf(Locale.FRENCH))).startsWith("%PDF".getBytes());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SignedInAs.inTenant(pupil, school, () -> processingRecords.records(Locale.FRENCH)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SignedInAs.inTenant(pupil, school, () -> processingRecords.pdf(Locale.FRENCH)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void onePersonsExportHoldsTheirDataFromEveryModuleAndNobodyElses() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Tenant school = tenants.ensure("privacy-" + suffix, "Collège Vie Privée " + suffix, "FR", "fr");
        UUID admin = users.register("admin-" + suffix + "@privee.example", "Admin " + suffix);
        TenantContext.runAs(school.id(), () -> memberships.grant(admin, TenantRole.ADMIN));
        PolicyDraft draft = SignedInAs.inTenant(admin, school, () -> drafts.start(HemiPolicy.TEMPLATE));
        PolicyDraft saved = SignedInAs.inTenant(admin, school, () -> drafts.save(HemiPolicy.filledIn(draft.content()), draft.revision()));
        SignedInAs.inTenant(admin, school, () -> publication.publish(saved.revision(), null, null));
        Person lea = SignedInAs.inTenant(admin, school, () -> people.register(new PersonDetails(PersonKind.STUDENT, "Léa", "Exportée",
                LocalDate.now().minusYears(17), "1re B", "lea-" + suffix + "@privee.example", null, "fr", null, "EXP-" + suffix)));
        Person tom = SignedInAs.inTenant(admin, school, () -> people.register(new PersonDetails(PersonKind.STUDENT, "Tomasz", "Inconnu",
                LocalDate.now().minusYears(17), "1re B", "tomasz-" + suffix + "@privee.example", null, "fr", null, null)));
        Person mother = SignedInAs.inTenant(admin, school, () -> people.register(new PersonDetails(PersonKind.GUARDIAN, "Mireille",
                "Exportée", null, null, "mireille-" + suffix + "@privee.example", null, "fr", null, null)));
        UUID news = SignedInAs.inTenant(admin, school, () -> purposes.all()).stream().filter(p -> p.code().equals("news-and-offers"))
                .findFirst().orElseThrow().id();
        SignedInAs.inTenant(admin, school, () -> {
            people.link(mother.id(), lea.id(), Relationship.MOTHER, false);
            consents.recordOnPaper(lea.id(), lea.id(), news, Decision.GIVEN, "Formulaire de Léa");
            consents.recordOnPaper(tom.id(), tom.id(), news, Decision.REFUSED, "Formulaire de Tomasz");
            return null;
        });
        UUID account = users.register("lea-" + suffix + "@privee.example", "Léa Exportée");
        TenantContext.runAs(school.id(), () -> memberships.grant(account, TenantRole.STUDENT));
        OwnerDatabase.inTenant(env, school.id(), owner -> owner.sql("update person set account_user_id = ? where id = ?")
                .params(account, lea.id()).update());
        SignedInAs.inTenant(account, school, () -> requests.submit(lea.id(), RequestType.ACCESS, "Tout mon dossier"));

        DataSubject subject = new DataSubject(lea.id(), account, "lea-" + suffix + "@privee.example", "Léa Exportée");
        Map<String, List<String>> export = export(school, subject);
        assertThat(export.get("people")).anyMatch(r -> r.startsWith("person:") && r.contains("Léa") && r.contains("1re B"))
                .anyMatch(r -> r.startsWith("family-links:") && r.contains("Mireille"));
        assertThat(export.get("consent")).anyMatch(r -> r.contains("Formulaire de Léa"));
        assertThat(export.get("rights")).anyMatch(r -> r.contains("Tout mon dossier"));
        assertThat(export.get("security")).anyMatch(r -> r.startsWith("account:") && r.contains("STUDENT"));
        assertThat(export.get("audit")).isNotEmpty();
        String all = export.values().stream().flatMap(List::stream).collect(Collectors.joining("\n"));
        assertThat(all).as("nothing of another pupil").doesNotContain("Tomasz").doesNotContain("Formulaire de Tomasz");

        // Bound to another institution, the same ids find nothing of hers.
        Tenant elsewhere = tenants.ensure("privacy-other-" + suffix, "Autre Collège " + suffix, "FR", "fr");
        Map<String, List<String>> outside = export(elsewhere, subject);
        assertThat(outside.values().stream().flatMap(List::stream).collect(Collectors.joining("\n")))
                .doesNotContain("1re B").doesNotContain("Formulaire de Léa").doesNotContain("Tout mon dossier");
    }

    private Map<String, List<String>> export(Tenant tenant, DataSubject subject) {
        Map<String, List<String>> records = new LinkedHashMap<>();
        SignedInAs.nobody();
        TenantContext.runAs(tenant.id(), () -> new TransactionTemplate(transactionManager).executeWithoutResult(status ->
                personalData.export(subject, provider -> (category, fields) -> records.computeIfAbsent(provider.module(),
                        m -> new ArrayList<>()).add(category + ":" + fields))));
        return records;
    }
}
