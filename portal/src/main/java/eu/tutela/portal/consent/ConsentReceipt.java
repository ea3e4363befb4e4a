package eu.tutela.portal.consent;

import eu.tutela.policy.render.PdfPolicyRenderer;
import eu.tutela.policy.variables.SupervisoryAuthority;
import eu.tutela.portal.policy.PolicyVersion;
import eu.tutela.portal.tenancy.TenantSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.context.MessageSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a person is handed for one consent decision: the record in the structure of ISO/IEC TS 27560:2023 (JSON, for
 * machines and for a later dispute) and the same facts on one readable page (PDF). The controller's vocabulary
 * (lawful basis, rights, roles) stays in English in the JSON so a machine can match it; what a person reads (the
 * purpose, how to withdraw) is in the language the decision was made in, which {@code language} states.
 */
final class ConsentReceipt {

    static final String SCHEMA_VERSION = "ISO/IEC TS 27560:2023";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String STYLE = style();
    private static final List<String> RIGHTS = List.of(
            "withdraw consent at any time (GDPR Art. 7(3))",
            "access (GDPR Art. 15)",
            "rectification (GDPR Art. 16)",
            "erasure (GDPR Art. 17)",
            "restriction of processing (GDPR Art. 18)",
            "data portability (GDPR Art. 20)",
            "object (GDPR Art. 21)",
            "lodge a complaint with a supervisory authority (GDPR Art. 77)");

    private final ConsentDecision decision;
    private final ConsentPurpose purpose;
    private final String subjectName;
    private final TenantSettings tenant;
    private final PolicyVersion policy;
    private final String portalBase;
    private final MessageSource texts;

    /**
     * @param decision with its giver's name
     * @param portalBase the portal's public address, no trailing slash: the policy's address is printed in full, a
     *        receipt is read away from the portal
     */
    ConsentReceipt(ConsentDecision decision, ConsentPurpose purpose, String subjectName, TenantSettings tenant, PolicyVersion policy,
            String portalBase, MessageSource texts) {
        this.decision = decision;
        this.purpose = purpose;
        this.subjectName = subjectName;
        this.tenant = tenant;
        this.policy = policy;
        this.portalBase = portalBase;
        this.texts = texts;
    }

    String json() {
        Locale language = Locale.forLanguageTag(decision.lang());
        ObjectNode root = JSON.createObjectNode();
        root.put("schema_version", SCHEMA_VERSION);
        root.put("record_id", decision.id().toString());
        root.put("pii_principal_id", decision.subjectId().toString());

        ObjectNode processing = root.putArray("processing").addObject();
        ObjectNode notice = processing.putObject("privacy_notice");
        notice.put("version", policy.number());
        notice.put("url", policyUrl());
        notice.put("hash", decision.policyHash());
        notice.put("hash_algorithm", "SHA-256");
        notice.put("effective_date", policy.effectiveDate().toString());
        processing.put("language", decision.lang());
        processing.putArray("purposes").addObject()
                .put("name", purpose.name(language))
                .put("description", purpose.description(language))
                .put("code", purpose.code());
        processing.put("lawful_basis", "GDPR Art. 6(1)(a)");
        processing.putArray("pii_controllers").addObject()
                .put("name", tenant.displayName())
                .put("contact", controllerContact())
                .put("country", tenant.country());
        ObjectNode collection = processing.putObject("collection_method");
        collection.put("method", switch (decision.method()) {
            case LINK -> "link";
            case SIGN_IN -> "sign-in";
            case PAPER -> "paper";
            case REQUEST -> "rights-request";
        });
        if (decision.method() == ConsentMethod.PAPER || decision.method() == ConsentMethod.REQUEST) {
            collection.put("note", decision.note());
        }
        processing.put("withdrawal_method", withdrawal(language));
        processing.putObject("jurisdiction").put("country", tenant.country()).put("law", "EU GDPR");
        ArrayNode rights = processing.putArray("privacy_rights");
        RIGHTS.forEach(rights::add);
        authority().ifPresent(a -> processing.putObject("authority_party").put("name", a.name()).put("url", a.url()));

        ArrayNode parties = root.putArray("parties");
        parties.addObject()
                .put("party_id", decision.subjectId().toString())
                .put("party_name", subjectName)
                .put("party_role", "data subject")
                .put("party_type", "natural person");
        parties.addObject()
                .put("party_name", tenant.displayName())
                .put("party_role", "PII controller")
                .put("party_type", "legal entity")
                .put("party_contact", controllerContact());
        if (decision.onBehalf()) {
            parties.addObject()
                    .put("party_id", decision.giverId().toString())
                    .put("party_name", decision.giverName())
                    .put("party_role", "parental responsibility holder")
                    .put("party_type", "natural person");
        }

        ObjectNode event = root.putArray("events").addObject();
        event.put("event_time", decision.recordedAt().toString());
        event.put("entity_id", decision.giverId().toString());
        event.put("event_type", "consent " + state());
        event.put("event_state", state());
        if (decision.onBehalf()) {
            event.put("on_behalf_of", decision.subjectId().toString());
        }
        return root.toPrettyString();
    }

    /** One A4 page in {@code locale}, French or English. */
    byte[] pdf(Locale locale) {
        Document page = Document.createShell("");
        page.outputSettings().prettyPrint(false);
        page.selectFirst("html").attr("lang", locale.getLanguage());
        page.head().appendElement("meta").attr("charset", "UTF-8");
        page.head().appendElement("title").text(text("consent.receipt.title", locale) + " — " + tenant.displayName());
        page.head().appendElement("style").appendText(STYLE);
        Element body = page.body();
        body.appendElement("h1").text(text("consent.receipt.title", locale));
        body.appendElement("p").addClass("institution").text(tenant.displayName());

        Element rows = body.appendElement("table").appendElement("tbody");
        row(rows, text("consent.receipt.subject", locale), subjectName);
        row(rows, text("consent.receipt.decidedBy", locale), decision.onBehalf()
                ? text("consent.receipt.decidedBy.guardian", locale, decision.giverName(), subjectName)
                : text("consent.receipt.decidedBy.own", locale, decision.giverName()));
        Element purposeCell = row(rows, text("consent.receipt.purpose", locale), purpose.name(locale));
        purposeCell.appendElement("br");
        purposeCell.appendText(purpose.description(locale));
        row(rows, text("consent.receipt.decision", locale), text("consent.receipt.decision." + decision.decision().name(), locale));
        row(rows, text("consent.receipt.basis", locale), text("consent.receipt.basis.consent", locale));
        ZonedDateTime when = decision.recordedAt().atZone(tenant.timeZone());
        row(rows, text("consent.receipt.when", locale), DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(when)
                + ", " + DateTimeFormatter.ofPattern("HH:mm:ss").format(when) + " (" + tenant.timeZone().getId() + ")");
        Element policyCell = row(rows, text("consent.receipt.policy", locale),
                text("consent.receipt.policy.version", locale, String.valueOf(policy.number()),
                        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(policy.effectiveDate()),
                        Locale.forLanguageTag(decision.lang()).getDisplayLanguage(locale)));
        policyCell.appendElement("br");
        policyCell.appendText(policyUrl());
        policyCell.appendElement("br");
        policyCell.appendText(text("consent.receipt.policy.hash", locale));
        policyCell.appendElement("br");
        policyCell.appendElement("span").addClass("hash").text(decision.policyHash());
        row(rows, text("consent.receipt.method", locale), decision.method() == ConsentMethod.PAPER || decision.method() == ConsentMethod.REQUEST
                ? text("consent.receipt.method." + decision.method().name(), locale, decision.note())
                : text("consent.receipt.method." + decision.method().name(), locale));
        row(rows, text("consent.receipt.withdraw", locale), withdrawal(locale));
        row(rows, text("consent.receipt.dpo", locale), dpo(locale));
        row(rows, text("consent.receipt.record", locale), decision.id().toString());
        body.appendElement("p").addClass("footer").text(text("consent.receipt.footer", locale, SCHEMA_VERSION));
        return PdfPolicyRenderer.toPdf(page.outerHtml());
    }

    private static String style() {
        try (InputStream in = ConsentReceipt.class.getResourceAsStream("receipt.css")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The receipt's style sheet is missing", e);
        }
    }

    private static Element row(Element rows, String label, String value) {
        Element row = rows.appendElement("tr");
        row.appendElement("th").attr("scope", "row").text(label);
        return row.appendElement("td").text(value);
    }

    private String state() {
        return switch (decision.decision()) {
            case GIVEN -> "given";
            case REFUSED -> "refused";
            case WITHDRAWN -> "withdrawn";
        };
    }

    /** The text the decision was made on: its hash is of that language's text. */
    private String policyUrl() {
        return portalBase + "/p/" + tenant.slug() + "/privacy/" + policy.number() + "?lang=" + decision.lang();
    }

    /** Whom to write to: the data protection officer, else the published policy, which names the controller's contacts. */
    private String controllerContact() {
        return hasDpoEmail() ? tenant.dpoEmail() : policyUrl();
    }

    private String withdrawal(Locale locale) {
        return hasDpoEmail()
                ? text("consent.receipt.withdraw.text", locale, tenant.displayName(), tenant.dpoEmail())
                : text("consent.receipt.withdraw.noDpo", locale, tenant.displayName());
    }

    private String dpo(Locale locale) {
        String name = tenant.dpoName() == null || tenant.dpoName().isBlank() ? null : tenant.dpoName();
        if (name == null && !hasDpoEmail()) {
            return text("consent.receipt.dpo.none", locale);
        }
        return name == null ? tenant.dpoEmail() : hasDpoEmail() ? name + " — " + tenant.dpoEmail() : name;
    }

    private boolean hasDpoEmail() {
        return tenant.dpoEmail() != null && !tenant.dpoEmail().isBlank();
    }

    private Optional<SupervisoryAuthority> authority() {
        return tenant.supervisoryAuthority();
    }

    private String text(String key, Locale locale, Object... args) {
        return texts.getMessage(key, args, locale);
    }
}
