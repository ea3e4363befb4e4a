package eu.tutela.portal.privacy;

import eu.tutela.policy.render.PdfPolicyRenderer;
import eu.tutela.portal.tenancy.TenantSettings;
import eu.tutela.portal.tenancy.TenantSettingsService;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The institution's records of processing (GDPR Art. 30(1)), built from what every provider says it stores: the
 * controller and its DPO, then each category of personal data with its purpose, lawful basis, retention, source,
 * recipients and where it is kept; on the page and as a PDF. For the DPO and administrators. Method security is the
 * check here: this module cannot depend on the security module, whose own data has a provider.
 */
@Service
public class ProcessingRecords {

    private static final String STYLE = """
            body { font-family: 'DejaVu Sans'; font-size: 9pt; color: #1b1b1b; }
            h1 { font-size: 16pt; margin: 0 0 4pt 0; }
            table { width: 100%; border-collapse: collapse; }
            th, td { border: 0.5pt solid #999999; padding: 3pt; vertical-align: top; text-align: left; }
            th { background: #eeeeee; }
            @page { size: A4 landscape; margin: 12mm; }""";

    private final PersonalData personalData;
    private final MessageSource messages;
    private final TenantSettingsService settings;

    ProcessingRecords(PersonalData personalData, MessageSource messages, TenantSettingsService settings) {
        this.personalData = personalData;
        this.messages = messages;
        this.settings = settings;
    }

    /** Every category of personal data the institution's portal stores, module by module, in {@code locale}. */
    @PreAuthorize("@caller.has('DPO', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<ProcessingRecord> records(Locale locale) {
        List<ProcessingRecord> records = new ArrayList<>();
        for (PersonalDataProvider provider : personalData.providers()) {
            for (DataCategory category : provider.categories()) {
                String base = "privacy.category." + category.key() + ".";
                records.add(new ProcessingRecord(provider.module(), category.key(), t(locale, base + "name"), t(locale, base + "what"),
                        t(locale, base + "purpose"), t(locale, "privacy.basis." + category.basis().name()), t(locale, base + "retention"),
                        t(locale, base + "source"), category.recipientKeys().stream().map(r -> t(locale, r)).toList(),
                        new TreeSet<>(category.tables())));
            }
        }
        return records;
    }

    /** The same as a PDF (A4 landscape), headed by the controller and its DPO (Art. 30(1)(a)). */
    @PreAuthorize("@caller.has('DPO', 'ADMIN')")
    @Transactional(readOnly = true)
    public byte[] pdf(Locale locale) {
        TenantSettings tenant = settings.current();
        Document page = Document.createShell("");
        page.outputSettings().prettyPrint(false);
        page.selectFirst("html").attr("lang", locale.getLanguage());
        page.head().appendElement("meta").attr("charset", "UTF-8");
        page.head().appendElement("title").text(t(locale, "privacy.records.title") + " — " + tenant.displayName());
        page.head().appendElement("style").appendText(STYLE);
        Element body = page.body();
        body.appendElement("h1").text(t(locale, "privacy.records.title") + " — " + tenant.displayName());
        body.appendElement("p").text(t(locale, "privacy.records.controller", tenant.displayName(),
                tenant.dpoName() == null ? "—" : tenant.dpoName(), tenant.dpoEmail() == null ? "—" : tenant.dpoEmail(),
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(LocalDate.now(tenant.timeZone()))));
        Element head = body.appendElement("table").appendElement("thead").appendElement("tr");
        for (String column : List.of("name", "what", "purpose", "basis", "retention", "source", "recipients")) {
            head.appendElement("th").text(t(locale, "privacy.records." + column));
        }
        Element rows = head.parent().parent().appendElement("tbody");
        for (ProcessingRecord record : records(locale)) {
            Element row = rows.appendElement("tr");
            row.appendElement("td").text(record.name());
            row.appendElement("td").text(record.what());
            row.appendElement("td").text(record.purpose());
            row.appendElement("td").text(record.basis());
            row.appendElement("td").text(record.retention());
            row.appendElement("td").text(record.source());
            row.appendElement("td").text(String.join(" ; ", record.recipients()));
        }
        return PdfPolicyRenderer.toPdf(page.outerHtml());
    }

    private String t(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
