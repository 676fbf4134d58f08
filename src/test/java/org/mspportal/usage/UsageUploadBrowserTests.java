package org.mspportal.usage;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.mspportal.BrowserSignIn;
import org.mspportal.BrowserTest;
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
import static org.mspportal.Chromium.screenshots;

/**
 * An MSP administrator without a metering integration uploads a usage CSV from the Global Usage
 * report, in real Chromium: a file with a bad line is refused naming it, the corrected file is
 * stored and shows in the report, and the same file again counts once.
 */
@BrowserTest
class UsageUploadBrowserTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired PasswordEncoder passwords;
    @Autowired ServicePlanManagement plans;

    @Test
    void anAdministratorUploadsAUsageFileFixesABadLineAndSeesItInTheReport(Page page) {
        UUID provider = new TestMsps(jdbc, clock).provider();
        TestMsps.actAs(provider, Role.MSP_ADMINISTRATOR);
        UUID plan = plans.create(new CreateServicePlan("Business", Edition.BUSINESS, UsageReportFrequency.MONTHLY,
                EnumSet.allOf(Workload.class))).id();
        TestMsps.actAsNobody();
        UUID customer = new TestCustomers(jdbc, clock).onPlan(provider, plan);
        LocalDate today = LocalDate.now(clock);
        new BrowserSignIn(jdbc, clock, passwords, port).asNewAdministratorOf(provider, page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Reports")).first().click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Global Usage")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Upload usage")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Upload usage"))).isVisible();
        screenshots(page, "usage-upload");

        String good = customer + ",VMWARE," + today.minusDays(1) + ",,2.5\n";
        page.getByLabel("CSV file").setInputFiles(file("usage.csv", UsageCsv.HEADER + "\n" + good
                + customer + ",TAPE," + today + ",,1\n"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();
        assertThat(page.getByTestId("upload-refusal")).containsText("nothing was stored");
        assertThat(page.getByTestId("upload-problems").locator("tbody tr")).hasCount(1);
        assertThat(page.getByTestId("upload-problems").locator("tbody tr")).containsText("3");
        assertThat(page.getByTestId("upload-problems").locator("tbody tr")).containsText("Unknown workload \"TAPE\"");
        screenshots(page, "usage-upload-refused");

        String fixed = UsageCsv.HEADER + "\n" + good + customer + ",MICROSOFT_365," + today + ",,1.25\n";
        page.getByLabel("CSV file").setInputFiles(file("usage.csv", fixed));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();
        assertThat(page.getByTestId("receipt-records")).hasText("2");
        assertThat(page.getByTestId("receipt-credits")).hasText("3.75");
        screenshots(page, "usage-upload-stored");

        page.getByLabel("CSV file").setInputFiles(file("usage-again.csv", fixed));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();
        assertThat(page.getByTestId("upload-repeated")).isVisible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See it in the Global Usage report")).click();
        assertThat(page.getByTestId("total-credits")).hasText("3.75");
    }

    private static FilePayload file(String name, String content) {
        return new FilePayload(name, "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }
}
