package org.mspportal.alerts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.mspportal.BrowserSignIn;
import org.mspportal.BrowserTest;
import org.mspportal.Chromium;
import org.mspportal.TestMsps;
import org.mspportal.identity.ApiKeyManagement;
import org.mspportal.plans.ServicePlanManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** An MSP administrator reads alerts, marks one read and changes the thresholds, in real Chromium. */
@BrowserTest
class AlertBrowserTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired PasswordEncoder passwords;
    @Autowired ServicePlanManagement plans;
    @Autowired ApiKeyManagement keys;
    @Autowired AlertRecords records;

    @Test
    void anAdministratorReadsAlertsAndChangesTheThresholds(Page page) {
        AlertFixtures msp = new AlertFixtures(jdbc, clock, plans, keys);
        LocalDate today = LocalDate.now(clock);
        raise(msp, msp.customer("株式会社 山田製作所", "250", today), AlertKind.QUOTA_WARNING, 80, "204.5", null, 0);
        raise(msp, msp.customer("Crème brûlée Café 🍮", "100", today), AlertKind.QUOTA_EXHAUSTED, 100, "100", null, 60);
        raise(msp, msp.customer("مؤسسة الأمل للتجارة", "100", today, today.plusDays(7)), AlertKind.LICENCE_EXPIRY, 7,
                null, today.plusDays(7), 120);
        new BrowserSignIn(jdbc, clock, passwords, port).asNewAdministratorOf(msp.provider, page);

        page.navigate(Chromium.baseUrl(port) + "/alerts");
        assertThat(page.locator(".nav-badge")).hasText("3");
        LocalDate expiry = today.plusDays(7);
        // The month's short name is the browser locale's (Dec, Sept), so only its shape is checked.
        assertThat(page.getByText(Pattern.compile("Expires on " + expiry.getDayOfMonth() + " [A-Z][a-z]{2,3} "
                + expiry.getYear() + " \\(7-day reminder\\)"))).isVisible();
        Chromium.screenshots(page, "alerts");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark the alert about 株式会社 山田製作所 as read")).click();
        assertThat(page.locator(".nav-badge")).hasText("2");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Thresholds")).click();
        page.getByLabel("Critical at").fill("75");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save thresholds")).click();
        assertThat(page.getByText("The critical level must be above the warning level (80 %).")).isVisible();
        Chromium.screenshots(page, "alert-settings-errors");

        page.getByLabel("Critical at").fill("95");
        page.getByLabel("Exhausted at").fill("100");
        page.getByLabel("Remind this many days before a licence expires").fill("60, 30, 7");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save thresholds")).click();
        assertThat(page.getByText("Saved the alert thresholds.")).isVisible();
        Chromium.screenshots(page, "alert-settings");
        TestMsps.actAsNobody();
    }

    private void raise(AlertFixtures msp, UUID customer, AlertKind kind, int threshold, String consumed,
            LocalDate expiresOn, int secondsLater) {
        String name = jdbc.sql("SELECT account_name FROM customer WHERE id = :id").param("id", customer)
                .query(String.class).single();
        AlertRecords.NewAlert alert = new AlertRecords.NewAlert(UUID.randomUUID(), msp.provider, customer, name, kind,
                threshold, expiresOn == null ? LocalDate.now(clock) : expiresOn,
                consumed == null ? null : new BigDecimal(consumed),
                consumed == null ? null : jdbc.sql("SELECT credit_quota FROM customer WHERE id = :id")
                        .param("id", customer).query(BigDecimal.class).single(),
                expiresOn, clock.instant().plusSeconds(secondsLater));
        records.recordOnce(alert);
        records.markAnnounced(alert.id());
    }
}
