package eu.tutela.portal.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Headless Chromium for the browser tests. Playwright cannot download its own browser here, so
 * the system's Chromium is used, with every flag that stops it from reaching the internet.
 */
final class Chromium implements AutoCloseable {

    private static final Path SYSTEM_CHROMIUM = Path.of("/usr/bin/chromium");

    private final Playwright playwright;
    final Browser browser;

    Chromium() {
        if (!Files.isExecutable(SYSTEM_CHROMIUM)) {
            throw new IllegalStateException("The browser tests need Chromium at " + SYSTEM_CHROMIUM
                    + " (Debian package 'chromium'; .ci/run installs it)");
        }
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(SYSTEM_CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--disable-quic")));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
