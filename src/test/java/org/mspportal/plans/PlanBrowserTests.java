package org.mspportal.plans;

import java.time.Clock;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.mspportal.TestMsps;
import org.mspportal.BrowserTest;
import org.mspportal.Chromium;
import org.mspportal.BrowserSignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** An MSP administrator creates, edits and archives a service plan in real Chromium, under the strict CSP. */
@BrowserTest
class PlanBrowserTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired PasswordEncoder passwords;

    @Test
    void anAdministratorCreatesEditsAndArchivesAPlan(Page page) {
        new BrowserSignIn(jdbc, clock, passwords, port)
                .asNewAdministratorOf(new TestMsps(jdbc, clock).provider(), page);

        page.navigate(Chromium.baseUrl(port) + "/service-plans");
        assertThat(page.getByText("No service plans yet")).isVisible();
        Chromium.screenshots(page, "service-plans-empty");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create your first service plan")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create plan")).click();
        assertThat(page.getByText("Give the plan a name.")).isVisible();
        assertThat(page.getByText("Choose at least one workload.")).isVisible();
        Chromium.screenshots(page, "service-plan-new-errors");

        page.getByLabel("Name").fill("ゴールド Café 🥇");
        page.getByLabel("Edition").selectOption("ELITE");
        page.getByLabel("Usage report frequency").selectOption("QUARTERLY");
        page.getByLabel("VMware").check();
        page.getByLabel("Microsoft 365").check();
        Chromium.screenshots(page, "service-plan-new");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create plan")).click();
        assertThat(page.getByText("Created the service plan")).isVisible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New Service Plan")).click();
        page.getByLabel("Name").fill("Business – Endpoints");
        page.getByLabel("Endpoints").check();
        page.getByLabel("Google Workspace").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create plan")).click();
        assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("Business – Endpoints").setExact(true))).isVisible();
        Chromium.screenshots(page, "service-plans");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit ゴールド Café 🥇")).click();
        assertThat(page.getByText("A plan's name cannot be changed.")).isVisible();
        page.getByLabel("NAS").check();
        Chromium.screenshots(page, "service-plan-edit");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
        assertThat(page.getByText("Saved the service plan")).isVisible();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Archive ゴールド Café 🥇")).click();
        assertThat(page.locator(".modal.show").getByText("Archive this plan?")).isVisible();
        page.waitForFunction("() => getComputedStyle(document.querySelector('.modal.show')).opacity === '1'");
        Chromium.screenshots(page, "service-plan-archive");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Archive plan")).click();
        assertThat(page.getByText("Its customers keep it")).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Including archived (1)")).click();
        assertThat(page.locator(".badge", new Page.LocatorOptions().setHasText("Archived"))).isVisible();
        Chromium.screenshots(page, "service-plans-archived");
    }
}
