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
import org.mspportal.BrowserSignIn;
import org.mspportal.TestMsps;
import org.mspportal.identity.Role;
import org.mspportal.plans.CreateServicePlan;
import org.mspportal.plans.Edition;
import org.mspportal.plans.ServicePlanManagement;
import org.mspportal.plans.UsageReportFrequency;
import org.mspportal.plans.Workload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** An MSP administrator switches storage regions off and on in real Chromium, under the strict CSP. */
@BrowserTest
class StorageRegionBrowserTests {

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
        new BrowserSignIn(jdbc, clock, passwords, port).asNewAdministratorOf(provider, page);

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
}
