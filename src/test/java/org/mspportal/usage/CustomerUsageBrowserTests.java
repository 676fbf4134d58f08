package org.mspportal.usage;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
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
 * In real Chromium under the strict CSP: an administrator opens a customer, follows "Usage", and
 * sees the forecast, the burn-down and the workloads; a customer without usage says so.
 */
@BrowserTest
class CustomerUsageBrowserTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired PasswordEncoder passwords;
    @Autowired ServicePlanManagement plans;
    @Autowired UsageIngestion ingestion;

    @Test
    void anAdministratorFollowsACustomersUsageAndItsForecast(Page page) {
        UUID provider = new TestMsps(jdbc, clock).provider();
        LocalDate today = LocalDate.now(clock);
        TestMsps.actAs(provider, Role.MSP_ADMINISTRATOR);
        UUID plan = plans.create(new CreateServicePlan("Business", Edition.BUSINESS, UsageReportFrequency.MONTHLY,
                EnumSet.allOf(Workload.class))).id();
        UUID busy = customer(provider, plan, "株式会社 東京データ 🚀", today.minusDays(69));
        UUID quiet = customer(provider, plan, "Café Crème SARL", today.minusDays(10));
        List<SubmittedUsage> records = new ArrayList<>();
        for (int day = 0; day < 70; day++) {
            String date = today.minusDays(day).toString();
            records.add(usage(busy, "VMWARE", date, 4 + (day % 7) * 0.5));
            records.add(usage(busy, "MICROSOFT_365", date, 2.5));
            records.add(usage(busy, "NAS", date, day < 40 ? 3 : 1));
            records.add(usage(busy, "ENDPOINTS", date, 0.75));
        }
        ingestion.ingest(records);
        TestMsps.actAsNobody();
        new BrowserSignIn(jdbc, clock, passwords, port).asNewAdministratorOf(provider, page);

        page.navigate(Chromium.baseUrl(port) + "/customers/" + busy);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Usage").setExact(true)).click();
        assertThat(page.getByTestId("forecast-headline")).containsText("Runs out on");
        assertThat(page.locator("#burn-down-chart[data-chart-drawn=true]")).isVisible();
        assertThat(page.locator("#workload-chart[data-chart-drawn=true]")).isVisible();
        assertThat(page.getByTestId("workload-usage").locator("tbody tr")).hasCount(4);
        Chromium.screenshots(page, "customer-usage");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Last 12 months")).click();
        assertThat(page.getByTestId("usage-scope")).containsText("per month");
        Chromium.screenshots(page, "customer-usage-year");

        page.navigate(Chromium.baseUrl(port) + "/customers/" + quiet + "/usage");
        assertThat(page.getByTestId("forecast-headline")).hasText("No recent usage");
        assertThat(page.getByTestId("empty-state")).isVisible();
        Chromium.screenshots(page, "customer-usage-empty");
    }

    private UUID customer(UUID provider, UUID plan, String name, LocalDate effective) {
        UUID id = new TestCustomers(jdbc, clock).onPlan(provider, plan);
        jdbc.sql("""
                UPDATE customer SET account_name = :name, credit_quota = 1500, quota_effective_date = :from,
                       quota_end_date = :to WHERE id = :id""")
                .param("name", name).param("from", effective).param("to", effective.plusYears(1)).param("id", id)
                .update();
        return id;
    }

    private static SubmittedUsage usage(UUID customer, String workload, String date, double credits) {
        return new SubmittedUsage(customer.toString(), workload, date, null, BigDecimal.valueOf(credits));
    }
}
