package eu.tutela.portal.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import eu.tutela.policy.LawfulBasis;
import eu.tutela.portal.policy.PolicyVersion;
import eu.tutela.portal.policy.VersionKind;
import eu.tutela.portal.tenancy.TenantSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A consent receipt holds what ISO/IEC TS 27560 asks, as the schema the project keeps says, with who acted for whom;
 * its page is readable in French and in English.
 */
class ConsentReceiptTest {

    private static final Schema SCHEMA = schema();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HASH = "3f1c9a0e5b7d2c4e6f8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e";

    private final UUID child = UUID.randomUUID();
    private final UUID mother = UUID.randomUUID();
    private final UUID adult = UUID.randomUUID();
    private final ConsentPurpose news = new ConsentPurpose(UUID.randomUUID(), "news-and-offers",
            new PurposeWording("Actualités et offres", "News and offers", "Vous envoyer les actualités de l’établissement.",
                    "Sending you the institution’s news."),
            LawfulBasis.A, "contact-marketing", 1, ConsentPurpose.Status.ACTIVE, false);
    private final TenantSettings school = new TenantSettings(UUID.randomUUID(), "lycee-moliere", "Lycée Molière", "#1a5fb4", "FR", null, null,
            List.of("fr", "en"), ZoneId.of("Europe/Paris"), "Anne Delorme", "dpo@lycee-moliere.example", null, null, false);
    private final PolicyVersion policy = new PolicyVersion(3, "hemi", PolicyVersion.Status.ACTIVE, VersionKind.SUBSTANTIAL, VersionKind.SUBSTANTIAL,
            null, List.of(), LocalDate.of(2026, 9, 1), Instant.parse("2026-08-25T08:00:00Z"), "admin", Map.of("fr", HASH, "en", HASH));

    @Test
    void aGuardiansPaperConsentForAMinorSaysWhoActedForWhom() {
        ConsentReceipt receipt = receipt(guardiansPaperConsent(), "Léna Moreau");

        String json = receipt.json();
        assertThat(schemaErrors(json)).isEmpty();
        JsonNode root = JSON.readTree(json);
        assertThat(root.at("/pii_principal_id").asString()).isEqualTo(child.toString());
        JsonNode event = root.at("/events/0");
        assertThat(event.at("/entity_id").asString()).isEqualTo(mother.toString());
        assertThat(event.at("/on_behalf_of").asString()).isEqualTo(child.toString());
        assertThat(event.at("/event_state").asString()).isEqualTo("given");
        assertThat(event.at("/event_type").asString()).isEqualTo("consent given");
        assertThat(event.at("/event_time").asString()).isEqualTo("2026-12-03T14:05:00Z");
        JsonNode processing = root.at("/processing/0");
        assertThat(processing.at("/privacy_notice/hash").asString()).isEqualTo(HASH);
        assertThat(processing.at("/privacy_notice/version").asInt()).isEqualTo(3);
        assertThat(processing.at("/privacy_notice/url").asString()).isEqualTo("https://portal.example/p/lycee-moliere/privacy/3?lang=fr");
        assertThat(processing.at("/lawful_basis").asString()).isEqualTo("GDPR Art. 6(1)(a)");
        assertThat(processing.at("/purposes/0/name").asString()).isEqualTo("Actualités et offres");
        assertThat(processing.at("/collection_method/method").asString()).isEqualTo("paper");
        assertThat(processing.at("/collection_method/note").asString()).isEqualTo("Formulaire signé, dossier de l’élève");
        assertThat(processing.at("/withdrawal_method").asString()).contains("dpo@lycee-moliere.example");
        assertThat(root.at("/parties")).extracting(p -> p.at("/party_role").asString(), p -> p.at("/party_name").asString())
                .contains(tuple("data subject", "Léna Moreau"),
                        tuple("parental responsibility holder", "Claire Moreau"),
                        tuple("PII controller", "Lycée Molière"));

        String french = text(receipt.pdf(Locale.FRENCH));
        assertThat(french).contains("Reçu de consentement", "Léna Moreau", "Claire Moreau", "titulaire de l’autorité parentale",
                "Actualités et offres", "Consentement donné", HASH, "15:05", "Formulaire signé, dossier de l’élève");
        String english = text(receipt.pdf(Locale.ENGLISH));
        assertThat(english).contains("Consent receipt", "Léna Moreau", "Claire Moreau", "on behalf of", "News and offers", "Consent given",
                HASH).doesNotContain("Reçu de consentement");
    }

    @Test
    void anAdultsOwnWithdrawalActsForNobodyElse() {
        ConsentDecision withdrawn = new ConsentDecision(UUID.randomUUID(), adult, adult, "Adèle Moreau", news.id(), Decision.WITHDRAWN, 3, HASH,
                "en", ConsentMethod.LINK, null, null, Instant.parse("2026-12-04T09:30:00.123456Z"));

        ConsentReceipt receipt = receipt(withdrawn, "Adèle Moreau");
        String json = receipt.json();
        assertThat(schemaErrors(json)).isEmpty();
        JsonNode root = JSON.readTree(json);
        assertThat(root.at("/pii_principal_id").asString()).isEqualTo(adult.toString());
        assertThat(root.at("/events/0/entity_id").asString()).isEqualTo(adult.toString());
        assertThat(root.at("/events/0").has("on_behalf_of")).isFalse();
        assertThat(root.at("/events/0/event_state").asString()).isEqualTo("withdrawn");
        assertThat(root.at("/processing/0/language").asString()).isEqualTo("en");
        assertThat(root.at("/processing/0/collection_method").has("note")).isFalse();
        assertThat(root.at("/processing/0/privacy_notice/url").asString()).endsWith("/privacy/3?lang=en");
        assertThat(root.at("/parties")).extracting(p -> p.at("/party_role").asString())
                .containsExactlyInAnyOrder("data subject", "PII controller");
        assertThat(text(receipt.pdf(Locale.ENGLISH))).contains("Consent withdrawn", "Adèle Moreau, on their own behalf");
    }

    @Test
    void theSchemaRefusesABrokenReceipt() {
        String json = receipt(guardiansPaperConsent(), "Léna Moreau").json();
        ObjectNode withoutEvents = (ObjectNode) JSON.readTree(json);
        withoutEvents.remove("events");
        assertThat(schemaErrors(withoutEvents.toString())).extracting(Error::getKeyword).contains("required");

        ObjectNode badState = (ObjectNode) JSON.readTree(json);
        ((ObjectNode) badState.at("/events/0")).put("event_state", "maybe").put("entity_id", "not-a-uuid");
        assertThat(schemaErrors(badState.toString())).extracting(Error::getKeyword).contains("enum", "format");

        ObjectNode paperWithoutNote = (ObjectNode) JSON.readTree(json);
        ((ObjectNode) paperWithoutNote.at("/processing/0/collection_method")).remove("note");
        assertThat(schemaErrors(paperWithoutNote.toString())).isNotEmpty();
    }

    /** What the project's schema finds wrong in a receipt, formats asserted (2020-12 only annotates them by default). */
    static List<Error> schemaErrors(String json) {
        return SCHEMA.validate(json, InputFormat.JSON, context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
    }

    private ConsentDecision guardiansPaperConsent() {
        return new ConsentDecision(UUID.randomUUID(), child, mother, "Claire Moreau", news.id(), Decision.GIVEN, 3, HASH, "fr",
                ConsentMethod.PAPER, "Formulaire signé, dossier de l’élève", UUID.randomUUID(), Instant.parse("2026-12-03T14:05:00Z"));
    }

    private ConsentReceipt receipt(ConsentDecision decision, String subjectName) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new ConsentReceipt(decision, news, subjectName, school, policy, "https://portal.example", messages);
    }

    /** The page's text, its lines joined: what wraps where is the layout's business. */
    static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).as("one page").isEqualTo(1);
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema schema() {
        try (InputStream in = ConsentReceiptTest.class.getResourceAsStream("/consent/receipt-27560.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
