package eu.tutela.portal.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import eu.tutela.portal.support.Refused;
import eu.tutela.portal.tenancy.Memberships;
import eu.tutela.portal.tenancy.Tenant;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantDirectory;
import eu.tutela.portal.tenancy.TenantRole;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The receipt of a decision recorded in the real database: valid against the schema the project keeps, readable as a
 * page; hidden from another institution and from staff.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ConsentReceiptsIT {

    @Autowired
    ConsentReceipts receipts;
    @Autowired
    ConsentService consents;
    @Autowired
    ConsentPurposes purposes;
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

    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Tenant school;

    @AfterEach
    void signOut() {
        SignedInAs.nobody();
    }

    @Test
    void theSchoolHandsOutAReceiptOfAGuardiansPaperConsentThatNoOneElseSees() {
        school = tenants.ensure("receipt-" + suffix, "Lycée Reçu " + suffix, "FR", "fr");
        UUID admin = member(school, "admin", TenantRole.ADMIN);
        PolicyDraft draft = as(admin, () -> drafts.start(HemiPolicy.TEMPLATE));
        PolicyDraft saved = as(admin, () -> drafts.save(HemiPolicy.filledIn(draft.content()), draft.revision()));
        as(admin, () -> publication.publish(saved.revision(), null, null));
        ConsentPurpose news = as(admin, () -> purposes.all()).stream().filter(p -> p.code().equals("news-and-offers")).findFirst().orElseThrow();
        Person child = as(admin, () -> people.register(new PersonDetails(PersonKind.STUDENT, "Léna", "Moreau", LocalDate.now().minusYears(12),
                "2nde B", null, null, "fr", null, null)));
        Person mother = as(admin, () -> people.register(new PersonDetails(PersonKind.GUARDIAN, "Claire", "Moreau", null, null, null, null, "fr",
                null, null)));
        as(admin, () -> {
            people.link(mother.id(), child.id(), Relationship.MOTHER, true);
            return null;
        });
        ConsentDecision given = as(admin, () -> consents.recordOnPaper(child.id(), mother.id(), news.id(), Decision.GIVEN,
                "Formulaire signé, dossier de l’élève"));

        String json = as(admin, () -> receipts.json(given.id()));
        assertThat(ConsentReceiptTest.schemaErrors(json)).isEmpty();
        JsonNode receipt = JsonMapper.builder().build().readTree(json);
        assertThat(receipt.at("/record_id").asString()).isEqualTo(given.id().toString());
        assertThat(receipt.at("/pii_principal_id").asString()).isEqualTo(child.id().toString());
        assertThat(receipt.at("/events/0/entity_id").asString()).isEqualTo(mother.id().toString());
        assertThat(receipt.at("/events/0/on_behalf_of").asString()).isEqualTo(child.id().toString());
        assertThat(receipt.at("/processing/0/privacy_notice/hash").asString()).isEqualTo(given.policyHash());
        assertThat(receipt.at("/processing/0/privacy_notice/url").asString()).endsWith("/p/receipt-" + suffix + "/privacy/1?lang=fr");

        String page = ConsentReceiptTest.text(as(admin, () -> receipts.pdf(given.id(), Locale.FRENCH)));
        assertThat(page).contains("Reçu de consentement", "Lycée Reçu " + suffix, "Léna Moreau", "Claire Moreau", news.name(Locale.FRENCH),
                "Consentement donné", given.policyHash(), given.id().toString());

        Tenant other = tenants.ensure("receipt-other-" + suffix, "Autre Lycée " + suffix, "FR", "fr");
        UUID otherAdmin = member(other, "other-admin", TenantRole.ADMIN);
        assertThat(Refused.problems(() -> SignedInAs.inTenant(otherAdmin, other, () -> receipts.json(given.id()))))
                .containsEntry("decision", "consent.receipt.unknown");
        assertThat(Refused.problems(() -> as(admin, () -> receipts.pdf(UUID.randomUUID(), Locale.FRENCH))))
                .containsEntry("decision", "consent.receipt.unknown");
        UUID staff = member(school, "staff", TenantRole.STAFF);
        assertThatThrownBy(() -> as(staff, () -> receipts.json(given.id()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(staff, () -> receipts.pdf(given.id(), Locale.FRENCH))).isInstanceOf(AccessDeniedException.class);
    }

    private UUID member(Tenant tenant, String role, TenantRole tenantRole) {
        UUID id = users.register(role + "-" + suffix + "@receipt.example", role + " " + suffix);
        TenantContext.runAs(tenant.id(), () -> memberships.grant(id, tenantRole));
        return id;
    }

    private <T> T as(UUID person, Supplier<T> work) {
        return SignedInAs.inTenant(person, school, work);
    }
}
