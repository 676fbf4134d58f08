package org.mspportal.customers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.mspportal.BrowserTest;
import org.mspportal.Chromium;
import org.mspportal.Mailbox;
import org.mspportal.TestMsps;
import org.mspportal.identity.Role;
import org.mspportal.plans.CreateServicePlan;
import org.mspportal.plans.Edition;
import org.mspportal.plans.ServicePlanManagement;
import org.mspportal.plans.UsageReportFrequency;
import org.mspportal.plans.Workload;
import org.mspportal.shared.StoredTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** An MSP administrator switches storage regions off and on in real Chromium, under the strict CSP. */
@BrowserTest
class StorageRegionBrowserTests {

    private static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired PasswordEncoder passwords;
    @Autowired ServicePlanManagement plans;
    @Autowired CustomerManagement customers;

    @Test
    void anAdministratorSwitchesARegionOffAndIsToldWhyABusyOneStaysOn(Page page) {
        UUID provider = new TestMsps(jdbc, clock).provider();
        aCustomerIn(provider, "eu-central-1");
        signIn(page, administratorOf(provider));

        page.navigate(Chromium.baseUrl(port) + "/storage-regions");
        assertThat(page.getByText("You offer 6 of 6 regions.")).isVisible();
        Chromium.screenshots(page, "storage-regions");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Switch off Asia Pacific (Tokyo)")).click();
        assertThat(page.getByText("Asia Pacific (Tokyo) is switched off")).isVisible();
        assertThat(page.getByText("You offer 5 of 6 regions.")).isVisible();
        Chromium.screenshots(page, "storage-regions-switched-off");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Switch off Europe (Frankfurt)")).click();
        assertThat(page.getByText("1 customer stores backups there")).isVisible();
        Chromium.screenshots(page, "storage-regions-refused");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Switch on Asia Pacific (Tokyo)")).click();
        assertThat(page.getByText("You offer 6 of 6 regions.")).isVisible();
    }

    private void aCustomerIn(UUID provider, String region) {
        TestMsps.actAs(provider, Role.MSP_ADMINISTRATOR);
        try {
            UUID plan = plans.create(new CreateServicePlan("Gold", Edition.BUSINESS, UsageReportFrequency.MONTHLY,
                    EnumSet.of(Workload.NAS))).id();
            LocalDate today = LocalDate.now(clock);
            customers.register(new RegisterCustomer("株式会社サンプル", null, null, null, plan, null, region,
                    BigDecimal.TEN, today, today.plusYears(1), today.plusYears(1)));
        } finally {
            TestMsps.actAsNobody();
        }
    }

    private String administratorOf(UUID provider) {
        String email = "regions-" + UUID.randomUUID() + "@msp.example";
        jdbc.sql("""
                INSERT INTO account (id, provider_id, email, display_name, role, status, password_hash, created_at,
                                     activated_at)
                VALUES (:id, :provider, :email, 'Region administrator', 'MSP_ADMINISTRATOR', 'ACTIVE', :hash, :now, :now)""")
                .param("id", UUID.randomUUID())
                .param("provider", provider)
                .param("email", email)
                .param("hash", passwords.encode(PASSWORD))
                .param("now", StoredTime.of(clock.instant()))
                .update();
        return email;
    }

    private void signIn(Page page, String email) {
        page.navigate(Chromium.baseUrl(port) + "/sign-in");
        page.getByLabel("Email address").fill(email);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next")).click();
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();
        page.getByLabel("Verification code").fill(new Mailbox(jdbc).latestCodeTo(email));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();
        assertThat(page).hasURL(Chromium.baseUrl(port) + "/");
    }
}
