package org.mspportal.usage;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Media;
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
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5, acceptance 1: as a new MSP administrator would, in real Chromium under the strict CSP,
 * create an ingest key, send usage through the API, open Reports → Global Usage, filter it by
 * edition and date, see the chart and the right totals, and download the CSV.
 */
@BrowserTest
class GlobalUsageBrowserTests {

    private static final int DAYS = 60;
    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired PasswordEncoder passwords;
    @Autowired ServicePlanManagement plans;

    UUID provider;
    LocalDate today;

    /** A customer's daily usage: the same credits on each of the last sixty days. */
    record Daily(UUID customer, String workload, String credits) {
    }

    @Test
    void anAdministratorSendsUsageAndReadsFiltersAndExportsTheGlobalUsageReport(Page page) throws Exception {
        provider = new TestMsps(jdbc, clock).provider();
        today = LocalDate.now(clock);
        new BrowserSignIn(jdbc, clock, passwords, port).asNewAdministratorOf(provider, page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Reports")).first().click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Global Usage")).click();
        assertThat(page.getByText("No usage in this range yet")).isVisible();
        Chromium.screenshots(page, "global-usage-empty");

        String key = ingestKeyCreatedInThePortal(page);
        List<Daily> usage = customersWithUsage();
        sendTheLastSixtyDays(key, usage);

        page.navigate(Chromium.baseUrl(port) + "/reports");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Global Usage")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Last 30 days")).click();
        assertThat(page.getByTestId("total-credits")).hasText("367.50");
        assertThat(page.getByTestId("hybrid-credits")).hasText("270.00");
        assertThat(page.getByTestId("saas-credits")).hasText("97.50");
        assertThat(page.locator("#usage-chart[data-chart-drawn=true]")).isVisible();
        assertThat(page.getByTestId("customer-usage").locator("tbody tr")).hasCount(6);
        Chromium.screenshots(page, "global-usage");

        page.getByLabel("Edition", EXACT).selectOption("BUSINESS");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show report")).click();
        assertThat(page.getByTestId("total-credits")).hasText("135.00");
        assertThat(page.getByTestId("customer-usage").locator("tbody tr")).hasCount(2);
        assertThat(page.getByTestId("report-scope")).containsText("Business edition");

        page.getByLabel("From", EXACT).fill(today.minusDays(DAYS - 1).toString());
        page.getByLabel("To", EXACT).fill(today.minusDays(30).toString());
        page.getByLabel("Edition", EXACT).selectOption("ALL");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show report")).click();
        assertThat(page.getByTestId("total-credits")).hasText("367.50");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Last 12 months")).click();
        assertThat(page.getByTestId("total-credits")).hasText("735.00");
        page.getByLabel("Customer name").fill("東京");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
        assertThat(page.getByTestId("customer-usage").locator("tbody tr")).hasCount(1);
        page.getByLabel("Customer name").fill("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Quota utilization")).click();
        assertThat(page.getByTestId("customer-usage").locator("tbody tr").first()).containsText("مؤسسة الخليج");
        assertThat(page.getByTestId("customer-usage").locator("tbody tr").first()).containsText("108.0 %");
        assertThat(page.getByTestId("customer-usage").locator("tbody tr").first()).containsText("Elite");
        Chromium.screenshots(page, "global-usage-year");
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(page.locator(".filter-card")).isHidden();
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(java.nio.file.Paths.get("target", "screenshots", "global-usage-print.png")));
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));

        Download download = page.waitForDownload(() -> page.getByTestId("export-csv").click());
        byte[] csv = Files.readAllBytes(download.path());
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(8);
        assertThat(lines.get(1)).contains(",مؤسسة الخليج,ELITE,270.000000,");
        assertThat(text).contains(",株式会社 東京データ,ENTERPRISE,180.000000,").contains(",Café Crème SARL 🥐,BUSINESS,");
        assertThat(lines.get(7)).startsWith(",Total,ALL,735.000000,540.000000,195.000000");
        assertThat(download.suggestedFilename()).endsWith("-all.csv");
    }

    private String ingestKeyCreatedInThePortal(Page page) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create an API key")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create your first API key")).click();
        page.getByLabel("Name").fill("Metering");
        page.getByLabel("Usage ingest").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create API key")).click();
        return page.getByLabel("API key", new Page.GetByLabelOptions().setExact(true)).inputValue();
    }

    /**
     * Six customers, one without usage. Per day: hybrid 2 + 3 + 4 = 9, SaaS 1 + 0.5 + 1.5 + 0.25
     * = 3.25; Business 4.5. Quotas, over the sixty days: Acme 180 of 200 (90 %), Tokyo 180 of 220
     * (81.8 %), the Gulf 270 of 250 (108 %).
     */
    private List<Daily> customersWithUsage() {
        TestMsps.actAs(provider, Role.MSP_ADMINISTRATOR);
        UUID business = plan("Business", Edition.BUSINESS);
        UUID enterprise = plan("Enterprise", Edition.ENTERPRISE);
        UUID elite = plan("Elite", Edition.ELITE);
        TestMsps.actAsNobody();
        UUID acme = customer("Acme Backup GmbH", business, "200");
        UUID tokyo = customer("株式会社 東京データ", enterprise, "220");
        UUID gulf = customer("مؤسسة الخليج", elite, "250");
        UUID cafe = customer("Café Crème SARL 🥐", business, "500");
        UUID nordic = customer("Nordic Health AS", elite, "100");
        customer("Zeta Labs", enterprise, "50");
        return List.of(new Daily(acme, "VMWARE", "2"), new Daily(acme, "MICROSOFT_365", "1"),
                new Daily(tokyo, "NAS", "3"), new Daily(gulf, "ORACLE", "4"), new Daily(gulf, "ENDPOINTS", "0.5"),
                new Daily(cafe, "GOOGLE_WORKSPACE", "1.5"), new Daily(nordic, "MICROSOFT_365", "0.25"));
    }

    private void sendTheLastSixtyDays(String key, List<Daily> usage) throws IOException, InterruptedException {
        List<String> records = new ArrayList<>();
        for (int day = 0; day < DAYS; day++) {
            for (Daily daily : usage) {
                records.add("{\"customerId\": \"" + daily.customer() + "\", \"workload\": \"" + daily.workload()
                        + "\", \"date\": \"" + today.minusDays(day) + "\", \"credits\": " + daily.credits() + "}");
            }
        }
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                .uri(URI.create(Chromium.baseUrl(port) + "/api/v1/usage"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"records\": [" + String.join(",", records) + "]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private UUID customer(String name, UUID plan, String quota) {
        UUID id = new TestCustomers(jdbc, clock).onPlan(provider, plan);
        jdbc.sql("""
                UPDATE customer SET account_name = :name, credit_quota = :quota, quota_effective_date = :from
                 WHERE id = :id""")
                .param("name", name).param("quota", new BigDecimal(quota)).param("from", today.minusDays(DAYS - 1))
                .param("id", id).update();
        return id;
    }

    private UUID plan(String name, Edition edition) {
        return plans.create(new CreateServicePlan(name, edition, UsageReportFrequency.MONTHLY,
                EnumSet.allOf(Workload.class))).id();
    }
}
