package org.mspportal.platform;

import java.time.Clock;
import java.util.EnumSet;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.mspportal.BrowserTest;
import org.mspportal.Chromium;
import org.mspportal.TestMsps;
import org.mspportal.identity.ApiKeyManagement;
import org.mspportal.identity.ApiKeyScope;
import org.mspportal.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Swagger UI in real Chromium, without signing in: it loads under its own Content-Security-Policy
 * without console errors, and "Authorize" with an API key makes "Try it out" call the API.
 */
@BrowserTest
class ApiDocumentationBrowserTests {

    /** The document is generated on its first request, which takes a while in a cold test JVM. */
    private static final LocatorAssertions.IsVisibleOptions FIRST_LOAD =
            new LocatorAssertions.IsVisibleOptions().setTimeout(60_000);

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired ApiKeyManagement keys;

    @Test
    void swaggerUiDescribesTheApiAndTriesItWithAnApiKey(Page page) {
        String key = readOnlyKeyOf(new TestMsps(jdbc, clock).provider());

        page.navigate(Chromium.baseUrl(port) + "/swagger-ui.html");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("MSP Portal API")))
                .isVisible(FIRST_LOAD);
        assertThat(page.locator("[data-path='/api/v1/customers/{id}/plan-history']")).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Service plans"))).isVisible();
        Chromium.screenshots(page, "swagger-ui");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Authorize").setExact(true)).click();
        Locator dialog = page.locator(".dialog-ux .modal-ux");
        assertThat(dialog.getByText("msp_…")).isVisible();
        dialog.locator("input").first().fill(key);
        Chromium.screenshots(page, "swagger-ui-authorize");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Apply credentials")).click();
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close")).first().click();

        Locator list = page.locator(".opblock-get").filter(new Locator.FilterOptions()
                .setHas(page.locator("[data-path='/api/v1/customers']")));
        list.locator(".opblock-summary-control").click();
        list.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Try it out")).click();
        list.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Execute")).click();
        assertThat(list.locator(".live-responses-table tbody .response-col_status")).hasText("200");
        assertThat(list.locator(".live-responses-table .microlight").first()).containsText("\"totalItems\": 0");
        Chromium.screenshots(page, "swagger-ui-try-it-out");
    }

    private String readOnlyKeyOf(UUID provider) {
        TestMsps.actAs(new TestMsps(jdbc, clock).stored(provider, Role.MSP_ADMINISTRATOR));
        try {
            return keys.create("Swagger UI", EnumSet.of(ApiKeyScope.READ)).secret();
        } finally {
            TestMsps.actAsNobody();
        }
    }
}
