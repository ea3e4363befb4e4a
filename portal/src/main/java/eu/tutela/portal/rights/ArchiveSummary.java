package eu.tutela.portal.rights;

import eu.tutela.portal.privacy.DataCategory;
import eu.tutela.portal.privacy.DataSubject;
import eu.tutela.portal.privacy.PersonalData;
import eu.tutela.portal.privacy.PersonalDataProvider;
import eu.tutela.portal.tenancy.TenantSettings;
import eu.tutela.portal.tenancy.TenantSettingsService;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The readable page of an archive, in the requester's language: for each category of data the institution holds, what
 * it is, why, on which lawful basis, for how long, where it comes from, who receives it, and how many records of the
 * subject's the archive holds (GDPR Art. 15(1)). Every value is escaped.
 */
@Component
class ArchiveSummary {

    private final PersonalData personalData;
    private final MessageSource messages;
    private final TenantSettingsService settings;

    ArchiveSummary(PersonalData personalData, MessageSource messages, TenantSettingsService settings) {
        this.personalData = personalData;
        this.messages = messages;
        this.settings = settings;
    }

    String html(RightsRequestRepository.Stored request, DataSubject subject, Map<String, Map<String, Long>> counts) {
        Locale locale = Locale.of(request.requesterLang());
        TenantSettings tenant = settings.current();
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"").append(locale.getLanguage()).append("\"><head><meta charset=\"utf-8\"><title>")
                .append(e(t(locale, "rights.archive.title", subject.name()))).append("</title>")
                .append("<style>body{font-family:sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}"
                        + "dt{font-weight:600}dd{margin:0 0 .5rem 0}section{border-top:1px solid #ccc;margin-top:1rem}</style>")
                .append("</head><body>\n<h1>").append(e(t(locale, "rights.archive.title", subject.name()))).append("</h1>\n<p>")
                .append(e(t(locale, "rights.archive.intro", tenant.displayName(), request.reference(),
                        java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM).withLocale(locale)
                                .withZone(tenant.timeZone()).format(Instant.now()))))
                .append("</p>\n<p>").append(e(t(locale, "rights.archive.files"))).append("</p>\n");
        for (PersonalDataProvider provider : personalData.providers()) {
            for (DataCategory category : provider.categories()) {
                long n = counts.getOrDefault(provider.module(), Map.of()).getOrDefault(category.key(), 0L);
                String base = "privacy.category." + category.key() + ".";
                html.append("<section><h2>").append(e(t(locale, base + "name"))).append("</h2><dl>")
                        .append(item(locale, "rights.archive.what", t(locale, base + "what")))
                        .append(item(locale, "rights.archive.yours", t(locale, "rights.archive.count", n, "data/" + provider.module() + ".json")))
                        .append(item(locale, "rights.archive.purpose", t(locale, base + "purpose")))
                        .append(item(locale, "rights.archive.basis", t(locale, "privacy.basis." + category.basis().name())))
                        .append(item(locale, "rights.archive.retention", t(locale, base + "retention")))
                        .append(item(locale, "rights.archive.source", t(locale, base + "source")))
                        .append(item(locale, "rights.archive.recipients", category.recipientKeys().stream().map(r -> t(locale, r))
                                .collect(Collectors.joining(" ; "))))
                        .append("</dl></section>\n");
            }
        }
        html.append("<p>").append(e(t(locale, "rights.archive.rights", tenant.dpoEmail() == null ? "—" : tenant.dpoEmail())))
                .append("</p>\n</body></html>\n");
        return html.toString();
    }

    private String item(Locale locale, String label, String value) {
        return "<dt>" + e(t(locale, label)) + "</dt><dd>" + e(value) + "</dd>";
    }

    private String t(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static String e(String value) {
        return HtmlUtils.htmlEscape(value, StandardCharsets.UTF_8.name());
    }
}
