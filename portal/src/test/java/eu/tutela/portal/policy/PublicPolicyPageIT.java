package eu.tutela.portal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import eu.tutela.portal.security.PortalUsers;
import eu.tutela.portal.security.SignedInAs;
import eu.tutela.portal.support.OwnerDatabase;
import eu.tutela.portal.tenancy.Memberships;
import eu.tutela.portal.tenancy.Tenant;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantDirectory;
import eu.tutela.portal.tenancy.TenantRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The public page of a policy over HTTP, without signing in: the active version and older ones by
 * number, as HTML and PDF, in the language asked; cacheable by ETag; unavailable while the institution
 * is suspended; nothing at an address that holds no policy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PublicPolicyPageIT {

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
    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    Tenant school;
    UUID admin;

    @BeforeEach
    void aSchoolWithTwoPublishedVersions() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        school = tenants.ensure("public-" + suffix, "École Publique " + suffix, "FR", "fr");
        admin = users.register("admin-" + suffix + "@public-school.example", "Paula Publisher");
        TenantContext.runAs(school.id(), () -> memberships.grant(admin, TenantRole.ADMIN));
        PolicyDraft draft = asAdmin(() -> drafts.start(HemiPolicy.TEMPLATE));
        PolicyDraft filled = asAdmin(() -> drafts.save(HemiPolicy.filledIn(draft.content()), draft.revision()));
        asAdmin(() -> publication.publish(filled.revision(), null, null));
        PolicyDraft next = asAdmin(() -> drafts.start(HemiPolicy.TEMPLATE));
        PolicyDraft phone = asAdmin(() -> drafts.save(next.content().withValue("contact.phone", "+33 3 20 11 22 33"), next.revision()));
        asAdmin(() -> publication.publish(phone.revision(), null, null));
    }

    @AfterEach
    void signOut() {
        SignedInAs.nobody();
    }

    @Test
    void theActiveVersionIsServedInTheLanguageAskedWithLinksToTheOthers() throws Exception {
        HttpResponse<String> english = get("/p/" + school.slug() + "/privacy?lang=en", null, null);
        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(english.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(english.headers().firstValue("Content-Language")).contains("en");
        assertThat(english.body()).contains("<html lang=\"en\"").contains("Version 2 of").contains("+33 3 20 11 22 33")
                .contains("href=\"/p/" + school.slug() + "/privacy?lang=fr\"")
                .contains("href=\"/p/" + school.slug() + "/privacy.pdf?lang=en\"")
                .contains("href=\"/p/" + school.slug() + "/privacy/1?lang=en\"");

        // The institution's first language when neither the address nor the browser asks for one.
        assertThat(get("/p/" + school.slug() + "/privacy", null, null).body()).contains("<html lang=\"fr\"");
        assertThat(english.headers().firstValue("Vary")).hasValueSatisfying(v -> assertThat(v).contains("Accept-Language"));

        // The browser's language when none is asked.
        HttpResponse<String> french = get("/p/" + school.slug() + "/privacy", "fr-BE,fr;q=0.9,en;q=0.5", null);
        assertThat(french.body()).contains("<html lang=\"fr\"").contains("Version 2 du");

        // Cacheable: the same content answers 304 to the ETag it was served with.
        String etag = english.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).contains(publishedHash(2, "en"));
        assertThat(get("/p/" + school.slug() + "/privacy?lang=en", null, etag).statusCode()).isEqualTo(304);
        assertThat(get("/p/" + school.slug() + "/privacy?lang=fr", null, etag).statusCode()).isEqualTo(200);
    }

    @Test
    void olderVersionsAndPdfsStayReachableByNumber() throws Exception {
        HttpResponse<String> first = get("/p/" + school.slug() + "/privacy/1?lang=en", null, null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("Version 1 of").contains("+33 3 20 00 00 00").contains("This is version 1, which is no longer in force.");

        HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/p/" + school.slug() + "/privacy/1.pdf?lang=fr")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/p/" + school.slug() + "/privacy.pdf")).build(),
                HttpResponse.BodyHandlers.ofByteArray()).statusCode()).isEqualTo(200);

        assertThat(get("/p/" + school.slug() + "/privacy/3", "en", null).statusCode()).isEqualTo(404);
        HttpResponse<String> nowhere = get("/p/no-such-school-" + UUID.randomUUID().toString().substring(0, 6) + "/privacy", "en", null);
        assertThat(nowhere.statusCode()).isEqualTo(404);
        assertThat(nowhere.body()).contains("No privacy policy here");
    }

    @Test
    void aSuspendedInstitutionsPageSaysItIsUnavailable() throws Exception {
        OwnerDatabase.of(env).sql("update tenant set status = 'SUSPENDED' where id = ?").param(school.id()).update();
        HttpResponse<String> page = get("/p/" + school.slug() + "/privacy", "fr", null);
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body()).contains("Indisponible").doesNotContain("Scaleway");
        assertThat(get("/p/" + school.slug() + "/privacy/1.pdf", "fr", null).statusCode()).isEqualTo(503);
        OwnerDatabase.of(env).sql("update tenant set status = 'ACTIVE' where id = ?").param(school.id()).update();
        assertThat(get("/p/" + school.slug() + "/privacy", "fr", null).statusCode()).isEqualTo(200);
    }

    private String publishedHash(int number, String lang) {
        return OwnerDatabase.inTenant(env, school.id(), owner -> owner.sql("select content_hash from policy_rendering where number = ? and lang = ?")
                .params(number, lang).query(String.class).single());
    }

    private HttpResponse<String> get(String path, String acceptLanguage, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private <T> T asAdmin(Supplier<T> work) {
        return SignedInAs.inTenant(admin, school, work);
    }
}
