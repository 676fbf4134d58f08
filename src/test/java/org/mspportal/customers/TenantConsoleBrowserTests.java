package org.mspportal.customers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.mspportal.BrowserSignIn;
import org.mspportal.BrowserTest;
import org.mspportal.Chromium;
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

/**
 * "Access tenant console" in real Chromium: the button opens a new tab that the handover page
 * forwards, under the strict CSP, to the console (here the development stand-in), which accepts the token.
 */
@BrowserTest
class TenantConsoleBrowserTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired PasswordEncoder passwords;
    @Autowired ServicePlanManagement plans;
    @Autowired CustomerManagement customers;

    @Test
    void theButtonOpensTheTenantsConsoleInANewTab(Page page) {
        UUID provider = new TestMsps(jdbc, clock).provider();
        UUID customer = aCustomerOf(provider, "Rocket 🚀 Backups");
        new BrowserSignIn(jdbc, clock, passwords, port).asNewAdministratorOf(provider, page);
        page.navigate(Chromium.baseUrl(port) + "/customers/" + customer);

        Page console = page.waitForPopup(() -> page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Access tenant console")).click());

        assertThat(console).hasURL(java.util.regex.Pattern.compile(".*/dev/tenant-console\\?token=.*"));
        assertThat(console.getByRole(AriaRole.HEADING)).containsText("Rocket 🚀 Backups");
        Chromium.screenshots(console, "tenant-console-stand-in");
    }

    private UUID aCustomerOf(UUID provider, String name) {
        TestMsps.actAs(provider, Role.MSP_ADMINISTRATOR);
        try {
            UUID plan = plans.create(new CreateServicePlan("Gold", Edition.BUSINESS, UsageReportFrequency.MONTHLY,
                    EnumSet.of(Workload.NAS))).id();
            LocalDate today = LocalDate.now(clock);
            return customers.register(new RegisterCustomer(name, null, null, null, plan, null, "eu-central-1",
                    BigDecimal.TEN, today, today.plusYears(1), today.plusYears(1))).id();
        } finally {
            TestMsps.actAsNobody();
        }
    }
}
