package eu.tutela.portal.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import eu.tutela.portal.demo.DemoAccount;
import eu.tutela.portal.demo.DemoData;
import eu.tutela.portal.demo.DemoTenants;
import eu.tutela.portal.support.CaughtMail;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser journey shares: one Chromium per class, a fresh browser context per test (own
 * cookies, so its own Keycloak session) in French, sign-in through Keycloak's identity-first pages,
 * and a screenshot of each step in target/screenshots/&lt;test&gt;, with axe-core's check of every
 * portal page (Keycloak's pages are its own).
 */
abstract class BrowserJourney {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    protected static Chromium chromium;

    @LocalServerPort
    protected int port;
    @Autowired
    protected DemoTenants demo;

    protected BrowserContext context;
    protected Page page;
    private String testName;
    private int step;

    @BeforeAll
    static void startBrowser() {
        chromium = new Chromium();
    }

    @AfterAll
    static void stopBrowser() {
        chromium.close();
    }

    @BeforeEach
    void openBrowser(TestInfo info) throws Exception {
        demo.awaitReady(Duration.ofMinutes(5));
        newBrowserContext();
        testName = info.getTestMethod().orElseThrow().getName();
        step = 0;
    }

    @AfterEach
    void closeBrowser() {
        context.close();
    }

    /** A French-speaking browser with no cookies: no portal session, no Keycloak session. */
    protected void newBrowserContext() {
        if (context != null) {
            context.close();
        }
        context = chromium.browser.newContext(new Browser.NewContextOptions().setLocale("fr-FR"));
        context.setDefaultTimeout(30_000);
        page = context.newPage();
    }

    protected void signIn(DemoAccount account) {
        signInAt(portal(""), account.email(), true);
        page.locator("vaadin-app-layout").waitFor();
    }

    /**
     * Signs in with the demo password on the portal at this address (this JVM's, or a process started from the
     * image), through whatever Keycloak realm it sends the browser to; {@code shot}: a screenshot of the login page.
     */
    protected void signInAt(String address, String email, boolean shot) {
        page.navigate(address + "/");
        page.locator("#username").fill(email);
        // With Organizations on, Keycloak's login is identity-first: the e-mail, then the password page.
        if (page.locator("#password").count() == 0) {
            page.locator("#kc-login").click();
        }
        page.locator("#password").fill(DemoData.PASSWORD);
        if (shot) {
            shot("keycloak-login-" + email.substring(0, email.indexOf('@')));
        }
        page.locator("#kc-login").click();
        page.waitForURL(url -> url.startsWith(address + "/") && !url.contains("/login"));
    }

    protected void chooseLanguage(String label) {
        page.locator("#language-switch").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(label)).click();
        page.waitForLoadState();
    }

    protected String portal(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    protected void shot(String name) {
        if (page.url().startsWith(portal("/"))) {
            Accessibility.check(page);
        }
        step++;
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(SCREENSHOTS.resolve(testName).resolve(String.format(Locale.ROOT, "%02d-%s.png", step, name))));
    }

    protected void fill(String field, String value) {
        page.locator(field + " input").fill(value);
    }

    protected void fillCombo(String field, String value) {
        Locator input = page.locator(field + " input");
        input.fill(value);
        input.press("Enter");
    }

    protected static String awaitMailLink(String recipient, Pattern link) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !CaughtMail.found(recipient, link).isEmpty());
        return CaughtMail.found(recipient, link).getLast();
    }

    /**
     * From the portal's sign-in button to Keycloak and back: registers a new account with Keycloak's own pages,
     * which ask, page by page, for what the account still lacks (a password, a verified address).
     */
    protected void registerThroughKeycloak(String email, String firstName, String lastName, String password) {
        page.locator("#username").waitFor();
        shot("keycloak-first-page");
        page.locator("#kc-registration a").click();
        page.locator("#email").fill(email);
        page.locator("#firstName").fill(firstName);
        page.locator("#lastName").fill(lastName);
        shot("keycloak-register-form");
        page.locator("#kc-register-form [type=submit]").click();
        for (int pageOfKeycloak = 0; pageOfKeycloak < 6 && !page.url().startsWith(portal("/")); pageOfKeycloak++) {
            page.waitForLoadState();
            if (page.locator("#password-new").count() > 0) {
                page.locator("#password-new").fill(password);
                page.locator("#password-confirm").fill(password);
                shot("keycloak-password");
                page.locator("form [type=submit]").first().click();
            } else if (page.locator("#password").count() > 0 && page.locator("#password-confirm").count() > 0) {
                page.locator("#password").fill(password);
                page.locator("#password-confirm").fill(password);
                shot("keycloak-password");
                page.locator("form [type=submit]").first().click();
            } else {
                shot("keycloak-verify-email");
                String verify = awaitMailLink(email, Pattern.compile("http://[^\"\\s<>]+login-actions/action-token\\?[^\"\\s<>]+"))
                        .replace("&amp;", "&");
                page.navigate(verify);
                Locator proceed = page.locator("#kc-info-message a");
                if (!page.url().startsWith(portal("/")) && proceed.count() > 0) {
                    proceed.first().click();
                }
            }
        }
    }
}
