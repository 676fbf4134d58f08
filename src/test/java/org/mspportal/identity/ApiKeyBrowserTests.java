package org.mspportal.identity;

import java.util.List;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.mspportal.BrowserTest;
import org.mspportal.Chromium;
import org.mspportal.Mailbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** An MSP administrator creates, copies and revokes an API key in real Chromium, under the strict CSP. */
@BrowserTest
@Import(TestAccounts.class)
class ApiKeyBrowserTests {

    @LocalServerPort int port;
    @Autowired TestAccounts testAccounts;
    @Autowired JdbcClient jdbc;

    @Test
    void anAdministratorCreatesAKeySeesItOnceAndRevokesIt(Page page) {
        Account admin = testAccounts.active(testAccounts.provider(), Role.MSP_ADMINISTRATOR);
        signIn(page, admin);

        page.navigate(Chromium.baseUrl(port) + "/api-keys");
        assertThat(page.getByText("No API keys yet")).isVisible();
        Chromium.screenshots(page, "api-keys-empty");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create your first API key")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create API key")).click();
        assertThat(page.getByText("Give the key a name")).isVisible();
        Chromium.screenshots(page, "api-key-new-error");

        page.getByLabel("Name").fill("PSA sync");
        page.getByLabel("Write").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create API key")).click();
        assertThat(page.getByText("Copy this key now. It will not be shown again.")).isVisible();
        String secret = page.getByLabel("API key", new Page.GetByLabelOptions().setExact(true)).inputValue();
        assertThat(secret).matches("msp_[A-Za-z0-9_-]{43}");
        page.context().grantPermissions(List.of("clipboard-read", "clipboard-write"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copy")).click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copied"))).isVisible();
        Chromium.screenshots(page, "api-key-created");

        page.getByText("I have copied the key").click();
        assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("PSA sync").setExact(true))).isVisible();
        assertThat(page.content()).doesNotContain(secret);
        Chromium.screenshots(page, "api-keys");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke PSA sync")).click();
        assertThat(page.getByText("Revoke this API key?")).isVisible();
        page.waitForFunction("() => getComputedStyle(document.querySelector('.modal.show')).opacity === '1'");
        Chromium.screenshots(page, "api-key-revoke");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke key")).click();
        assertThat(page.getByText("Requests with it are now refused")).isVisible();
        assertThat(page.locator(".badge", new Page.LocatorOptions().setHasText("Revoked"))).isVisible();
        Chromium.screenshots(page, "api-keys-revoked");
    }

    private void signIn(Page page, Account admin) {
        page.navigate(Chromium.baseUrl(port) + "/sign-in");
        page.getByLabel("Email address").fill(admin.email());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next")).click();
        page.getByLabel("Password").fill(TestAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();
        page.getByLabel("Verification code").fill(new Mailbox(jdbc).latestCodeTo(admin.email()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();
        assertThat(page).hasURL(Chromium.baseUrl(port) + "/");
    }
}
