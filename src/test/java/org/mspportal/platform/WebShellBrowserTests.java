package org.mspportal.platform;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Test;
import org.mspportal.BrowserTest;
import org.mspportal.Chromium;
import org.mspportal.notifications.MailOutbox;
import org.mspportal.notifications.OutgoingMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A first-time user's first minutes, in real Chromium under the portal's strict CSP. */
@BrowserTest
class WebShellBrowserTests {

    @LocalServerPort int port;
    @Autowired MailOutbox outbox;

    @Test
    void theSignInPageIsStyledAndPointsToTheDevelopmentMailbox(Page page) {
        page.navigate(Chromium.baseUrl(port) + "/");

        assertThat(page).hasURL(Chromium.baseUrl(port) + "/sign-in");
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING,
                new Page.GetByRoleOptions().setName("Sign in to MSP Portal"))).isVisible();
        assertThat(page.getByLabel("Email address")).isFocused();
        String buttonColour = (String) page.locator("button[type=submit]")
                .evaluate("button => getComputedStyle(button).backgroundColor");
        assertThat(buttonColour).as("the portal's stylesheet applies").isEqualTo("rgb(31, 79, 209)");
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Open the development mailbox"))).isVisible();
        Chromium.screenshots(page, "sign-in");
    }

    @Test
    void aQueuedMailCanBeReadInTheDevelopmentMailboxWithItsLinkClickable(Page page) {
        outbox.queue(new OutgoingMail("zoe@msp.example", "Activate your MSP Portal account", "notice", Map.of(
                "heading", "Welcome, Zoë 山田 👋",
                "paragraphs", List.of("An account was created for you. Choose a password to activate it."),
                "actionLabel", "Choose a password",
                "actionUrl", Chromium.baseUrl(port) + "/sign-in"), Optional.empty()));

        page.navigate(Chromium.baseUrl(port) + "/sign-in");
        page.getByText("Open the development mailbox").click();
        Chromium.screenshots(page, "dev-mailbox");
        page.getByText("Activate your MSP Portal account").first().click();

        assertThat(page.locator(".mail-text")).containsText("Welcome, Zoë 山田 👋");
        Chromium.screenshots(page, "dev-mailbox-message");
        page.locator(".mail-text a").first().click();
        assertThat(page).hasURL(Chromium.baseUrl(port) + "/sign-in");
    }

    @Test
    void aMissingPageGetsAFriendlyNotFoundPage(Page page) {
        Response response = page.navigate(Chromium.baseUrl(port) + "/dev/mailbox/987654321");

        assertThat(response.status()).isEqualTo(404);
        assertThat(page.getByText("We could not find that page")).isVisible();
        assertThat(page.content()).doesNotContain("Exception").doesNotContain("at org.");
        Chromium.screenshots(page, "not-found");
    }
}
