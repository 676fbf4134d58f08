package org.mspportal.webhooks;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.mspportal.BrowserSignIn;
import org.mspportal.BrowserTest;
import org.mspportal.Chromium;
import org.mspportal.TestMsps;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** An MSP administrator adds an endpoint, sends a test event and follows its deliveries, in real Chromium. */
@BrowserTest
class WebhookBrowserTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired PasswordEncoder passwords;
    @Autowired WebhookManagement webhooks;
    @Autowired WebhookSender sender;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;

    @Test
    void anAdministratorAddsAnEndpointAndFollowsItsDeliveries(Page page) throws Exception {
        WebhookFixtures msp = new WebhookFixtures(jdbc, clock, webhooks, events, transactions);
        new BrowserSignIn(jdbc, clock, passwords, port).asNewAdministratorOf(msp.provider, page);
        try (TestReceiver receiver = new TestReceiver().answering(200, 500)) {
            page.navigate(Chromium.baseUrl(port) + "/webhooks");
            assertThat(page.getByText("No webhook endpoints yet")).isVisible();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add your first endpoint")).click();

            page.getByLabel("Endpoint URL").fill("http://psa.example.com/hooks");
            page.getByLabel("Description (optional)").fill("Ticketing – Zürich office");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add endpoint")).click();
            assertThat(page.getByText("Use an https:// address")).isVisible();
            Chromium.screenshots(page, "webhook-form-errors");

            page.getByLabel("Endpoint URL").fill(receiver.url());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add endpoint")).click();
            assertThat(page.getByLabel("Signing secret")).hasValue(java.util.regex.Pattern.compile("^whsec_.{44}$"));
            Chromium.screenshots(page, "webhook-secret");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("I have copied the secret")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send test event")).click();
            assertThat(page.getByText("Queued a test event.")).isVisible();
            sender.sendDueDeliveries();
            msp.alertRaised();
            msp.customerSuspended();
            sender.sendDueDeliveries();
            page.reload();
            assertThat(page.locator(".delivery-table tbody tr")).hasCount(3);
            assertThat(page.locator(".delivery-table .badge", new Page.LocatorOptions().setHasText("Delivered"))).hasCount(2);
            assertThat(page.locator(".delivery-table .badge", new Page.LocatorOptions().setHasText("Retrying"))).hasCount(1);
            Chromium.screenshots(page, "webhook-deliveries");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Webhooks").setExact(true)).first().click();
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(receiver.url()).setExact(true))).isVisible();
            Chromium.screenshots(page, "webhooks");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete " + receiver.url())).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete endpoint")).click();
            assertThat(page.getByText("No webhook endpoints yet")).isVisible();
        } finally {
            TestMsps.actAsNobody();
        }
    }
}
