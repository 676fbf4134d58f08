package org.mspportal.identity;

import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.mspportal.BrowserTest;
import org.mspportal.Chromium;
import org.mspportal.Mailbox;
import org.mspportal.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Profile & security in real Chromium under the strict CSP: the menu, the dialogs, the QR code. */
@BrowserTest
@Import(TestAccounts.class)
class ProfileBrowserTests {

    @LocalServerPort int port;
    @Autowired TestAccounts testAccounts;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;

    @Test
    void anAdministratorSetsUpAnAppFromTheProfileMenuAndSignsOutEverywhere(Page page) {
        Account admin = testAccounts.active(testAccounts.provider(), Role.MSP_ADMINISTRATOR);
        signIn(page, admin);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(admin.email())).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Profile & security")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Profile & security")))
                .isVisible();
        Chromium.screenshots(page, "profile");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Set up an authenticator app")).click();
        assertThat(page.getByRole(AriaRole.IMG,
                new Page.GetByRoleOptions().setName("QR code to add MSP Portal to your authenticator app"))).isVisible();
        Chromium.screenshots(page, "authenticator-setup");

        page.locator("#code").fill("000000".equals(appCode(page)) ? "111111" : "000000");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn on the authenticator app")).click();
        assertThat(page.locator("#code-error")).isVisible();
        Chromium.screenshots(page, "authenticator-setup-wrong-code");

        page.locator("#code").fill(appCode(page));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn on the authenticator app")).click();
        assertThat(page.getByText("Your authenticator app is set up")).isVisible();
        Chromium.screenshots(page, "profile-with-app");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out of all sessions")).click();
        assertThat(page.getByRole(AriaRole.DIALOG)).isVisible();
        Chromium.screenshots(page, "sign-out-everywhere-dialog");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out everywhere")).click();
        assertThat(page.getByText("You have signed out of all your sessions")).isVisible();
    }

    @Test
    void anAdministratorWhoseMspRequiresAnAppLandsOnTheSetUpPage(Page page) {
        UUID provider = testAccounts.provider();
        jdbc.sql("UPDATE provider SET require_authenticator = TRUE WHERE id = :id").param("id", provider).update();
        Account admin = testAccounts.active(provider, Role.READ_ONLY_ADMINISTRATOR);

        signIn(page, admin);

        assertThat(page).hasURL(Chromium.baseUrl(port) + "/profile/authenticator");
        assertThat(page.getByText("Your MSP requires an authenticator app for all administrators")).isVisible();
        Chromium.screenshots(page, "authenticator-required");
    }

    private void signIn(Page page, Account account) {
        page.navigate(Chromium.baseUrl(port) + "/sign-in");
        page.getByLabel("Email address").fill(account.email());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next")).click();
        page.getByLabel("Password").fill(TestAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();
        page.getByLabel("Verification code").fill(new Mailbox(jdbc).latestCodeTo(account.email()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();
    }

    /** What the app would show after the person typed in the key from the page. */
    private String appCode(Page page) {
        String key = page.locator("#authenticator-secret").textContent().replace(" ", "");
        return new AuthenticatorCodes(clock).codeAt(AuthenticatorSecret.fromBase32(key), clock.instant());
    }
}
