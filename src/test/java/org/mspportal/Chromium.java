package org.mspportal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the system's Chromium through Playwright (browsers cannot be downloaded here). Without a
 * Chromium the browser tests are skipped, except under {@code CI=true}, where that is a failure.
 * Each test gets a new browser context; console errors, including any Content-Security-Policy
 * violation, fail the test, since they mean the page is broken for a real user.
 */
public class Chromium implements ExecutionCondition, BeforeAllCallback, ParameterResolver,
        AfterEachCallback {

    private static final List<String> CANDIDATES = List.of(
            "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Chromium.class);

    static Optional<Path> executable() {
        return Stream.concat(Stream.ofNullable(System.getenv("PORTAL_CHROMIUM")), CANDIDATES.stream())
                .map(Paths::get)
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** The portal's address in a {@link BrowserTest}, on the random port Spring Boot chose. */
    public static String baseUrl(int port) {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (executable().isPresent()) {
            return ConditionEvaluationResult.enabled("Chromium at " + executable().get());
        }
        if (CiEnvironment.isCi()) {
            throw new ExtensionConfigurationException("CI=true but no Chromium was found (install Debian's chromium"
                    + " or set PORTAL_CHROMIUM): the browser suite must run in CI");
        }
        return CiEnvironment.skipped("Browser suite skipped: no Chromium found (install chromium or set PORTAL_CHROMIUM)");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable().orElseThrow())
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
        context.getStore(NAMESPACE).put("session", new Session(playwright, browser));
    }

    /** Closed by JUnit with the test class's store: the browser first, then Playwright's driver. */
    private record Session(Playwright playwright, Browser browser) implements AutoCloseable {

        @Override
        public void close() {
            browser.close();
            playwright.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Page.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Browser browser = context.getStore(NAMESPACE).get("session", Session.class).browser();
        BrowserContext browserContext = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1366, 850)
                .setLocale("en-GB"));
        List<String> consoleErrors = new ArrayList<>();
        Page page = browserContext.newPage();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type()) && !message.text().contains("status of 404")) {
                consoleErrors.add(message.text());
            }
        });
        context.getStore(NAMESPACE).put("context", browserContext);
        context.getStore(NAMESPACE).put("consoleErrors", consoleErrors);
        return page;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterEach(ExtensionContext context) {
        BrowserContext browserContext = context.getStore(NAMESPACE).remove("context", BrowserContext.class);
        if (browserContext != null) {
            browserContext.close();
        }
        List<String> consoleErrors = context.getStore(NAMESPACE).remove("consoleErrors", List.class);
        if (consoleErrors != null && context.getExecutionException().isEmpty()) {
            assertThat(consoleErrors).as("errors in the browser console").isEmpty();
        }
    }

    /** Saves the page as a laptop and a phone would show it, under {@code target/screenshots}. */
    public static void screenshots(Page page, String name) {
        Path folder = Paths.get("target", "screenshots");
        // A page shown after a click may still be arriving; a picture of half of it is no use.
        page.waitForLoadState();
        page.setViewportSize(1366, 850);
        page.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve(name + "-laptop.png")).setFullPage(true));
        page.setViewportSize(390, 844);
        page.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve(name + "-narrow.png")).setFullPage(true));
        page.setViewportSize(1366, 850);
    }
}
