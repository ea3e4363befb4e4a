package eu.tutela.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** What every page answers with, as a browser receives it from the running portal. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SecurityHeadersIT {

    @LocalServerPort
    int port;
    @Value("${vaadin.close-idle-sessions}")
    boolean closeIdleSessions;
    @Value("${server.servlet.session.timeout}")
    String sessionTimeout;

    @Test
    void aPageComesWithAPolicyForScriptsFramesReferrersAndBrowserFeaturesAndALaxSessionCookie() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).header("Accept", "text/html").build(),
                BodyHandlers.ofString());

        assertThat(login.statusCode()).isEqualTo(200);
        var headers = login.headers();
        assertThat(headers.firstValue("Content-Security-Policy")).get().asString()
                .contains("default-src 'self'").contains("frame-ancestors 'none'").contains("object-src 'none'");
        assertThat(headers.allValues("X-Frame-Options")).containsExactly("DENY");
        assertThat(headers.firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
        assertThat(headers.firstValue("Permissions-Policy")).get().asString().contains("camera=()").contains("geolocation=()");
        assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(headers.allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void aRedirectMadeBySpringSecurityCarriesTheSamePolicyAsVaadinsPages() throws Exception {
        HttpResponse<String> root = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).header("Accept", "text/html").build(),
                BodyHandlers.ofString());
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Content-Security-Policy")).contains(PageHeaders.CONTENT_SECURITY_POLICY);
        assertThat(root.headers().allValues("X-Frame-Options")).containsExactly("DENY");
        assertThat(root.headers().firstValue("Permissions-Policy")).contains(PageHeaders.PERMISSIONS_POLICY);
    }

    @Test
    void anIdleTabDoesNotKeepItsSessionAliveForever() {
        assertThat(closeIdleSessions).isTrue();
        assertThat(sessionTimeout).isEqualTo("30m");
    }
}
