package org.mspportal.usage;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mspportal.DatabaseTest;
import org.mspportal.TestMsps;
import org.mspportal.identity.ApiKeyManagement;
import org.mspportal.identity.ApiKeyScope;
import org.mspportal.identity.Role;
import org.mspportal.plans.CreateServicePlan;
import org.mspportal.plans.Edition;
import org.mspportal.plans.ServicePlanManagement;
import org.mspportal.plans.UsageReportFrequency;
import org.mspportal.plans.Workload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The Global Usage report's API, page and CSV export, called as clients and browsers call them. */
@DatabaseTest
@AutoConfigureMockMvc
class GlobalUsageEndpointsTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired ServicePlanManagement plans;
    @Autowired ApiKeyManagement keys;

    MspWithKeys msp;
    LocalDate today;

    @BeforeEach
    void anMspWithReadAndIngestKeys() {
        msp = MspWithKeys.created(jdbc, clock, plans, keys);
        today = LocalDate.now(clock);
    }

    @AfterEach
    void signOut() {
        TestMsps.actAsNobody();
    }

    @Test
    void theReportReflectsABatchAsSoonAsItIsAcknowledged() throws Exception {
        UUID customer = customer("東京 Backup 株式会社");
        ingest(customer, "VMWARE", "12.5");

        mvc.perform(get("/api/v1/reports/global-usage").param("from", today.toString()).param("to", today.toString())
                        .header("Authorization", "Bearer " + msp.readKey()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalCredits").value(12.5))
                .andExpect(jsonPath("$.hybridCredits").value(12.5))
                .andExpect(jsonPath("$.edition").value("ALL"))
                .andExpect(jsonPath("$.customers[0].customerId").value(customer.toString()))
                .andExpect(jsonPath("$.customers[0].accountName").value("東京 Backup 株式会社"))
                .andExpect(jsonPath("$.customers[0].edition").value("BUSINESS"))
                .andExpect(jsonPath("$.customers[0].credits").value(12.5))
                .andExpect(jsonPath("$.customers[0].creditQuota").value(1000))
                .andExpect(jsonPath("$.customers[0].quotaUtilization").value(1.25))
                .andExpect(jsonPath("$.customers[0].licenseExpiryDate").value(today.plusYears(1).toString()));
    }

    @ParameterizedTest
    @CsvSource({
            "from, 2026-02-30, , ALL",
            "to, , yesterday, ALL",
            "to, 2026-05-02, 2026-05-01, ALL",
            "to, 2020-01-01, 2024-01-02, ALL",
            "edition, , , PLATINUM"})
    void aBadRangeOrEditionIsRefusedNamingTheParameter(String field, String from, String to, String edition)
            throws Exception {
        mvc.perform(get("/api/v1/reports/global-usage").param("from", from == null ? "" : from)
                        .param("to", to == null ? "" : to).param("edition", edition)
                        .header("Authorization", "Bearer " + msp.readKey()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value(field));
    }

    @Test
    void aKeyWithoutTheReadScopeCannotReadTheReport() throws Exception {
        mvc.perform(get("/api/v1/reports/global-usage").header("Authorization", "Bearer " + msp.ingestKey()))
                .andExpect(status().isForbidden());
    }

    @Test
    void anotherMspsCustomersAndUsageNeverAppearInTheApi() throws Exception {
        UUID own = customer("Own customer");
        ingest(own, "NAS", "1");
        UUID otherMsp = new TestMsps(jdbc, clock).provider();
        TestMsps.actAs(new TestMsps(jdbc, clock).stored(otherMsp, Role.MSP_ADMINISTRATOR));
        UUID otherPlan = plans.create(new CreateServicePlan("Theirs", Edition.BUSINESS, UsageReportFrequency.MONTHLY,
                EnumSet.allOf(Workload.class))).id();
        String theirIngestKey = keys.create("Theirs", EnumSet.of(ApiKeyScope.USAGE_INGEST)).secret();
        TestMsps.actAsNobody();
        UUID theirs = new TestCustomers(jdbc, clock).onPlan(otherMsp, otherPlan);
        mvc.perform(post("/api/v1/usage").contentType(MediaType.APPLICATION_JSON)
                .content(batch(theirs, "NAS", "999")).header("Authorization", "Bearer " + theirIngestKey))
                .andExpect(status().isOk());

        mvc.perform(get("/api/v1/reports/global-usage").header("Authorization", "Bearer " + msp.readKey()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalCredits").value(1))
                .andExpect(jsonPath("$.customers", hasSize(1)))
                .andExpect(jsonPath("$.customers[0].customerId").value(own.toString()));
    }

    @Test
    void theCsvHasEveryCustomerWithUnicodeNamesBehindAByteOrderMark() throws Exception {
        UUID customer = customer("Ünïcödé 東京 🚀");
        ingest(customer, "MICROSOFT_365", "3.5");

        byte[] csv = mvc.perform(get("/reports/global-usage.csv").param("from", today.toString())
                        .param("to", today.toString()).with(msp.admin()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertThat(text.lines().findFirst().orElseThrow()).startsWith("customer_id,account_name,edition,credits");
        assertThat(text).contains(customer + ",Ünïcödé 東京 🚀,BUSINESS,3.500000,0.000000,3.500000,1000.00");
        assertThat(text.lines().reduce((first, second) -> second).orElseThrow()).startsWith(",Total,ALL,3.500000");
    }

    @Test
    void aFormulaInAnAccountNameIsDefusedInTheCsv() throws Exception {
        customer("=HYPERLINK(\"http://evil.example\")");

        String text = mvc.perform(get("/reports/global-usage.csv").with(msp.admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(text).contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\"").doesNotContain(",=HYPERLINK");
    }

    @Test
    void aCsvLinkWithABadDateIsABadRequest() throws Exception {
        mvc.perform(get("/reports/global-usage.csv").param("from", "someday").with(msp.admin()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void thePageShowsTheTotalsTheChartDataAndEachCustomer() throws Exception {
        UUID customer = customer("Café Ünïcode");
        ingest(customer, "VMWARE", "1234.5");

        mvc.perform(get("/reports/global-usage").with(msp.admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1,234.50")))
                .andExpect(content().string(containsString("data-chart=")))
                .andExpect(content().string(containsString("Café Ünïcode")))
                .andExpect(content().string(containsString("quota-exhausted")))
                .andExpect(content().string(not(containsString("data-testid=\"empty-state\""))));
    }

    @Test
    void withoutUsageThePageExplainsHowUsageArrives() throws Exception {
        customer("Quiet customer");

        mvc.perform(get("/reports/global-usage").with(msp.admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"empty-state\"")))
                .andExpect(content().string(containsString("POST /api/v1/usage")))
                .andExpect(content().string(containsString("href=\"/api-keys\"")));
    }

    @Test
    void aBadDateOnThePageIsShownAtItsField() throws Exception {
        mvc.perform(get("/reports/global-usage").param("from", "2026-05-09").param("to", "2026-05-01")
                        .with(msp.admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"to-error\"")))
                .andExpect(content().string(containsString("The end date must not be before the start date")));
    }

    @Test
    void thousandsOfCustomersArePagedFiftyAtATime() throws Exception {
        UUID busiest = customer("Busiest");
        for (int i = 0; i < GlobalUsagePages.PAGE_SIZE; i++) {
            customer("Customer " + i);
        }
        ingest(busiest, "NAS", "5");

        mvc.perform(get("/reports/global-usage").with(msp.admin()))
                .andExpect(content().string(containsString("Page 1 of 2")))
                .andExpect(content().string(containsString("Busiest")));
        mvc.perform(get("/reports/global-usage").param("page", "1").with(msp.admin()))
                .andExpect(content().string(containsString("Page 2 of 2")))
                .andExpect(content().string(not(containsString("Busiest"))));
    }

    @Test
    void theCustomerTableSortsByTheChosenColumnEitherWay() throws Exception {
        UUID small = customer("Small");
        UUID large = customer("Large");
        ingest(small, "NAS", "1");
        ingest(large, "NAS", "9");

        String ascending = mvc.perform(get("/reports/global-usage").param("sort", "credits").param("dir", "asc")
                .with(msp.admin())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String descending = mvc.perform(get("/reports/global-usage").param("sort", "credits").param("dir", "desc")
                .with(msp.admin())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(ascending.indexOf(">Small<")).isLessThan(ascending.indexOf(">Large<"));
        assertThat(descending.indexOf(">Large<")).isLessThan(descending.indexOf(">Small<"));
    }

    @Test
    void theReportsPageListsTheGlobalUsageReport() throws Exception {
        mvc.perform(get("/reports").with(msp.admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/reports/global-usage\"")));
        mvc.perform(get("/").with(msp.admin())).andExpect(content().string(containsString("href=\"/reports\"")));
    }

    private UUID customer(String name) {
        UUID id = new TestCustomers(jdbc, clock).onPlan(msp.provider(), msp.businessPlan());
        jdbc.sql("UPDATE customer SET account_name = :name WHERE id = :id").param("name", name).param("id", id).update();
        return id;
    }

    private void ingest(UUID customer, String workload, String credits) throws Exception {
        mvc.perform(post("/api/v1/usage").contentType(MediaType.APPLICATION_JSON)
                        .content(batch(customer, workload, credits))
                        .header("Authorization", "Bearer " + msp.ingestKey()))
                .andExpect(status().isOk());
    }

    private String batch(UUID customer, String workload, String credits) {
        return "{\"records\": [{\"customerId\": \"" + customer + "\", \"workload\": \"" + workload + "\", \"date\": \""
                + today + "\", \"credits\": " + credits + "}]}";
    }
}
