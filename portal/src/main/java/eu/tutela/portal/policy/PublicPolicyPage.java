package eu.tutela.portal.policy;

import eu.tutela.portal.tenancy.Tenant;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantDirectory;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import org.jsoup.nodes.Entities;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;

/**
 * An institution's privacy policy for anyone, signed in or not: {@code /p/{tenant}/privacy} (the active
 * version), {@code .../privacy/{number}} (any published version), each also as {@code .pdf}, in the
 * language asked ({@code ?lang=fr}), else the browser's, else the institution's first. Served from the
 * stored rendering, with the content hash as ETag. A suspended institution's page says it is unavailable.
 */
@Controller
class PublicPolicyPage {

    static final String PREFIX = "/p/";

    private final TenantDirectory tenants;
    private final PolicyRepository repository;
    private final MessageSource messages;
    private final TransactionTemplate reads;

    PublicPolicyPage(TenantDirectory tenants, PolicyRepository repository, MessageSource messages,
            PlatformTransactionManager transactions) {
        this.tenants = tenants;
        this.repository = repository;
        this.messages = messages;
        this.reads = new TransactionTemplate(transactions);
        this.reads.setReadOnly(true);
    }

    @GetMapping("/p/{slug}/privacy")
    ResponseEntity<?> active(@PathVariable String slug, @RequestParam(required = false) String lang, HttpServletRequest request,
            WebRequest web) {
        return page(slug, Optional.empty(), lang, request, web, false);
    }

    @GetMapping("/p/{slug}/privacy.pdf")
    ResponseEntity<?> activePdf(@PathVariable String slug, @RequestParam(required = false) String lang, HttpServletRequest request,
            WebRequest web) {
        return page(slug, Optional.empty(), lang, request, web, true);
    }

    @GetMapping("/p/{slug}/privacy/{number:\\d{1,9}}")
    ResponseEntity<?> version(@PathVariable String slug, @PathVariable int number, @RequestParam(required = false) String lang,
            HttpServletRequest request, WebRequest web) {
        return page(slug, Optional.of(number), lang, request, web, false);
    }

    @GetMapping("/p/{slug}/privacy/{number:\\d{1,9}}.pdf")
    ResponseEntity<?> versionPdf(@PathVariable String slug, @PathVariable int number, @RequestParam(required = false) String lang,
            HttpServletRequest request, WebRequest web) {
        return page(slug, Optional.of(number), lang, request, web, true);
    }

    private ResponseEntity<?> page(String slug, Optional<Integer> number, String lang, HttpServletRequest request, WebRequest web,
            boolean pdf) {
        Optional<Tenant> tenant = tenants.findActiveBySlug(slug);
        Locale asked = chosen(lang, request, List.of("fr", "en")).map(Locale::of).orElse(Locale.FRENCH);
        if (tenant.isEmpty()) {
            boolean suspended = tenants.findSuspendedBySlug(slug).isPresent();
            return notice(suspended ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.NOT_FOUND,
                    suspended ? "public.policy.unavailable" : "public.policy.none", asked);
        }
        return TenantContext.callAs(tenant.get().id(), () -> reads.execute(status -> {
            // One read for the whole page: the navigation lists every version, the active one and the one shown among them.
            List<PolicyVersion> versions = repository.versions();
            Optional<PolicyVersion> active = versions.stream().filter(v -> v.status() == PolicyVersion.Status.ACTIVE).findFirst();
            Optional<PolicyVersion> version = number.isPresent()
                    ? versions.stream().filter(v -> v.number() == number.get()).findFirst() : active;
            if (version.isEmpty()) {
                return notice(HttpStatus.NOT_FOUND, "public.policy.none", asked);
            }
            PolicyVersion shown = version.get();
            String institutions = tenant.get().defaultLocale();
            String language = chosen(lang, request, shown.languages())
                    .orElse(shown.languages().contains(institutions) ? institutions : shown.languages().getFirst());
            String tag = shown.contentHashes().get(language) + "-" + active.map(PolicyVersion::number).orElse(0) + (pdf ? "-pdf" : "");
            if (web.checkNotModified("\"" + tag + "\"")) {
                return null;
            }
            ResponseEntity.BodyBuilder ok = ResponseEntity.ok().cacheControl(CacheControl.noCache().cachePublic())
                    .eTag("\"" + tag + "\"").header("Content-Language", language).varyBy("Accept-Language");
            if (pdf) {
                String file = slug + "-privacy-v" + shown.number() + "-" + language + ".pdf";
                return ok.contentType(MediaType.APPLICATION_PDF).header("Content-Disposition", "inline; filename=\"" + file + "\"")
                        .body(repository.pdf(shown.number(), language).orElseThrow());
            }
            PublishedText text = repository.text(shown.number(), language).orElseThrow();
            return ok.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .body(withNavigation(text.html(), slug, shown, active, language, versions));
        }));
    }

    /**
     * The stored page, with a bar of links put in after {@code <body>}: the other languages, the PDF, the
     * other versions. The policy's own text (what the hash is of) is untouched.
     */
    private String withNavigation(String html, String slug, PolicyVersion shown, Optional<PolicyVersion> active, String language,
            List<PolicyVersion> versions) {
        Locale locale = Locale.of(language);
        String base = PREFIX + slug + "/privacy";
        String self = shown.status() == PolicyVersion.Status.ACTIVE ? base : base + "/" + shown.number();
        StringBuilder nav = new StringBuilder("<nav class=\"public-policy-nav\" aria-label=\"")
                .append(Entities.escape(text("public.policy.nav", locale))).append("\">\n<ul>\n");
        for (String other : shown.languages()) {
            if (!other.equals(language)) {
                nav.append("<li><a lang=\"").append(other).append("\" hreflang=\"").append(other).append("\" href=\"")
                        .append(self).append("?lang=").append(other).append("\">")
                        .append(Entities.escape(text("public.policy.language." + other, Locale.of(other)))).append("</a></li>\n");
            }
        }
        nav.append("<li><a id=\"public-policy-pdf\" href=\"").append(self).append(".pdf?lang=").append(language).append("\">")
                .append(Entities.escape(text("public.policy.pdf", locale))).append("</a></li>\n");
        if (shown.status() != PolicyVersion.Status.ACTIVE && active.isPresent()) {
            nav.append("<li><strong>").append(Entities.escape(text("public.policy.old", locale, shown.number()))).append("</strong> <a href=\"")
                    .append(base).append("?lang=").append(language).append("\">")
                    .append(Entities.escape(text("public.policy.current", locale, active.get().number()))).append("</a></li>\n");
        }
        nav.append("</ul>\n");
        if (versions.size() > 1) {
            nav.append("<details><summary>").append(Entities.escape(text("public.policy.versions", locale))).append("</summary>\n<ul>\n");
            DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
            for (PolicyVersion v : versions) {
                nav.append("<li><a href=\"").append(base).append("/").append(v.number()).append("?lang=").append(language).append("\">")
                        .append(Entities.escape(text("public.policy.version", locale, v.number(), dates.format(v.effectiveDate()))))
                        .append("</a></li>\n");
            }
            nav.append("</ul>\n</details>\n");
        }
        nav.append("</nav>\n");
        String head = "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n"
                + "<link rel=\"stylesheet\" href=\"/styles/public-policy.css\" />\n</head>";
        return html.replaceFirst("</head>", head).replaceFirst("<body>\n", "<body>\n" + Matcher.quoteReplacement(nav.toString()));
    }

    private ResponseEntity<String> notice(HttpStatus status, String key, Locale locale) {
        String title = text(key + ".title", locale);
        String body = "<!DOCTYPE html>\n<html lang=\"" + locale.getLanguage() + "\">\n<head>\n<meta charset=\"UTF-8\" />\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n<title>" + Entities.escape(title)
                + "</title>\n<link rel=\"stylesheet\" href=\"/styles/public-policy.css\" />\n</head>\n<body>\n<main class=\"public-policy-notice\">\n<h1>"
                + Entities.escape(title) + "</h1>\n<p>" + Entities.escape(text(key + ".text", locale)) + "</p>\n</main>\n</body>\n</html>\n";
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore()).body(body);
    }

    /** {@code ?lang=} when it is one of {@code offered}, else the browser's first language that is. */
    private static Optional<String> chosen(String lang, HttpServletRequest request, List<String> offered) {
        if (lang != null && offered.contains(lang.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of(lang.strip().toLowerCase(Locale.ROOT));
        }
        if (request.getHeader("Accept-Language") == null) {
            return Optional.empty();
        }
        return Collections.list(request.getLocales()).stream().map(Locale::getLanguage).filter(offered::contains).findFirst();
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
