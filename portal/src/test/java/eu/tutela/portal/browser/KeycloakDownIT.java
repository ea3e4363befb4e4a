package eu.tutela.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** A portal whose Keycloak cannot be reached still starts, and its sign-in page says so instead of failing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tutela.keycloak.url=http://127.0.0.1:9", // the discard port: nothing answers there
        "tutela.keycloak.admin-username=nobody",
        "tutela.keycloak.admin-password=nothing",
        "tutela.demo.enabled=false"})
@ActiveProfiles("test")
class KeycloakDownIT {

    @LocalServerPort
    int port;

    @Test
    void signInPageExplainsThatTheSignInServiceIsUnreachableAndWaits() {
        try (Chromium chromium = new Chromium();
                BrowserContext context = chromium.browser.newContext(new Browser.NewContextOptions().setLocale("en-GB"))) {
            Page page = context.newPage();
            page.navigate("http://127.0.0.1:" + port + "/t/hemi");
            assertThat(page.locator("#login-status")).containsText("The sign-in service cannot be reached right now");
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login$"));
            Accessibility.check(page);
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Path.of("target", "screenshots", "keycloakDown", "01-sign-in-waits.png")));
        }
    }
}
