package org.mspportal.usage;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mspportal.DatabaseTest;
import org.mspportal.TestMsps;
import org.mspportal.identity.ApiKeyManagement;
import org.mspportal.identity.Role;
import org.mspportal.identity.SignedInAdministrator;
import org.mspportal.plans.CreateServicePlan;
import org.mspportal.plans.Edition;
import org.mspportal.plans.ServicePlanManagement;
import org.mspportal.plans.UsageReportFrequency;
import org.mspportal.plans.Workload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A customer's usage page and API, called as browsers and clients call them. */
@DatabaseTest
@AutoConfigureMockMvc
class CustomerUsageEndpointsTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired ServicePlanManagement plans;
    @Autowired ApiKeyManagement keys;
    @Autowired UsageIngestion ingestion;

    MspWithKeys msp;
    LocalDate today;

    @BeforeEach
    void anMspWithKeys() {
        msp = MspWithKeys.created(jdbc, clock, plans, keys);
        today = LocalDate.now(clock);
    }

    @AfterEach
    void signOut() {
        TestMsps.actAsNobody();
    }

    @Test
    void theApiAnswersTheUsageByWorkloadTheQuotaAndTheForecast() throws Exception {
        UUID customer = customerWithSteadyUsage();

        mvc.perform(get("/api/v1/customers/{id}/usage", customer).param("from", today.minusDays(9).toString())
                        .param("to", today.toString()).header("Authorization", "Bearer " + msp.readKey()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customerId").value(customer.toString()))
                .andExpect(jsonPath("$.from").value(today.minusDays(9).toString()))
                .andExpect(jsonPath("$.totalCredits").value(100))
                .andExpect(jsonPath("$.byWorkload[0].workload").value("VMWARE"))
                .andExpect(jsonPath("$.byWorkload[0].credits").value(80))
                .andExpect(jsonPath("$.byWorkload[1].workload").value("MICROSOFT_365"))
                .andExpect(jsonPath("$.series", hasSize(10)))
                .andExpect(jsonPath("$.series[9].date").value(today.toString()))
                .andExpect(jsonPath("$.series[9].credits").value(10))
                .andExpect(jsonPath("$.quota.creditQuota").value(1000))
                .andExpect(jsonPath("$.quota.consumed").value(400))
                .andExpect(jsonPath("$.quota.remaining").value(600))
                .andExpect(jsonPath("$.forecast.exhaustedOn").value(today.plusDays(60).toString()))
                .andExpect(jsonPath("$.forecast.dailyRate").value(10))
                .andExpect(jsonPath("$.forecast.basis", containsString("30 days")));
    }

    @Test
    void withoutDatesTheApiCoversTheQuotaWindowUpToToday() throws Exception {
        UUID customer = customerWithSteadyUsage();

        mvc.perform(get("/api/v1/customers/{id}/usage", customer).header("Authorization", "Bearer " + msp.readKey()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value(today.minusDays(39).toString()))
                .andExpect(jsonPath("$.to").value(today.toString()))
                .andExpect(jsonPath("$.totalCredits").value(400));
    }

    @ParameterizedTest
    @CsvSource({
            "from, 2026-02-30, ",
            "to, , tomorrow",
            "to, 2026-05-02, 2026-05-01",
            "to, 2024-01-01, 2025-06-30"})
    void aBadDateIsRefusedNamingTheParameter(String field, String from, String to) throws Exception {
        UUID customer = customerWithSteadyUsage();

        mvc.perform(get("/api/v1/customers/{id}/usage", customer).param("from", from == null ? "" : from)
                        .param("to", to == null ? "" : to).header("Authorization", "Bearer " + msp.readKey()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value(field));
    }

    @Test
    void aKeyWithoutTheReadScopeCannotReadUsage() throws Exception {
        UUID customer = customerWithSteadyUsage();

        mvc.perform(get("/api/v1/customers/{id}/usage", customer).header("Authorization", "Bearer " + msp.ingestKey()))
                .andExpect(status().isForbidden());
    }

    @Test
    void anotherMspsCustomerIsNotFoundOnThePageOrInTheApi() throws Exception {
        UUID otherMsp = new TestMsps(jdbc, clock).provider();
        TestMsps.actAs(otherMsp, Role.MSP_ADMINISTRATOR);
        UUID theirPlan = plans.create(new CreateServicePlan("Theirs", Edition.BUSINESS, UsageReportFrequency.MONTHLY,
                EnumSet.allOf(Workload.class))).id();
        TestMsps.actAsNobody();
        UUID theirs = new TestCustomers(jdbc, clock).onPlan(otherMsp, theirPlan);

        mvc.perform(get("/api/v1/customers/{id}/usage", theirs).header("Authorization", "Bearer " + msp.readKey()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/customers/{id}/usage", theirs).with(msp.admin()))
                .andExpect(status().isNotFound());
    }

    @Test
    void aTenantAdministratorSeesTheUsageOfAssignedCustomersOnly() throws Exception {
        UUID assigned = customerWithSteadyUsage();
        UUID other = customerWithSteadyUsage();
        SignedInAdministrator tenantAdministrator = new TestMsps(jdbc, clock).stored(msp.provider(),
                Role.TENANT_ADMINISTRATOR);
        jdbc.sql("""
                INSERT INTO customer_administrator (customer_id, account_id, assigned_at, assigned_by)
                VALUES (:customer, :account, CURRENT_TIMESTAMP, 'test')""")
                .param("customer", assigned).param("account", tenantAdministrator.accountId()).update();
        RequestPostProcessor asTenantAdministrator = authentication(UsernamePasswordAuthenticationToken.authenticated(
                tenantAdministrator, null,
                List.of(new SimpleGrantedAuthority(Role.TENANT_ADMINISTRATOR.authority()))));

        mvc.perform(get("/customers/{id}/usage", assigned).with(asTenantAdministrator))
                .andExpect(status().isOk());
        mvc.perform(get("/customers/{id}/usage", other).with(asTenantAdministrator))
                .andExpect(status().isNotFound());
    }

    @Test
    void thePageShowsTheForecastHowItWasComputedAndBothCharts() throws Exception {
        UUID customer = customerWithSteadyUsage();

        mvc.perform(get("/customers/{id}/usage", customer).with(msp.admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Runs out on")))
                .andExpect(content().string(containsString("In 60 days")))
                .andExpect(content().string(containsString("Average of 10.00 credits a day")))
                .andExpect(content().string(containsString("id=\"burn-down-chart\"")))
                .andExpect(content().string(containsString("id=\"workload-chart\"")))
                .andExpect(content().string(containsString("Microsoft 365")))
                .andExpect(content().string(not(containsString("data-testid=\"empty-state\""))));
    }

    @Test
    void withoutUsageThePageSaysThereIsNoRecentUsageAndHowUsageArrives() throws Exception {
        UUID customer = customer();

        mvc.perform(get("/customers/{id}/usage", customer).with(msp.admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No recent usage")))
                .andExpect(content().string(containsString("data-testid=\"empty-state\"")))
                .andExpect(content().string(containsString("POST /api/v1/usage")));
    }

    @Test
    void aBadDateOnThePageIsShownAtItsField() throws Exception {
        UUID customer = customer();

        mvc.perform(get("/customers/{id}/usage", customer).param("from", "2026-05-09").param("to", "2026-05-01")
                        .with(msp.admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"to-error\"")))
                .andExpect(content().string(containsString("The end date must not be before the start date")));
    }

    @Test
    void theCustomerPageLinksToItsUsage() throws Exception {
        UUID customer = customer();

        mvc.perform(get("/customers/{id}", customer).with(msp.admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/customers/" + customer + "/usage\"")));
    }

    private UUID customer() {
        UUID id = new TestCustomers(jdbc, clock).onPlan(msp.provider(), msp.businessPlan());
        jdbc.sql("UPDATE customer SET credit_quota = 1000, quota_effective_date = :from WHERE id = :id")
                .param("from", today.minusDays(39)).param("id", id).update();
        return id;
    }

    /** 8 credits of VMware and 2 of Microsoft 365 on each of the last 40 days: 400 of a 1000 quota. */
    private UUID customerWithSteadyUsage() {
        UUID customer = customer();
        List<SubmittedUsage> records = new ArrayList<>();
        for (int day = 0; day < 40; day++) {
            records.add(new SubmittedUsage(customer.toString(), "VMWARE", today.minusDays(day).toString(), null,
                    new BigDecimal("8")));
            records.add(new SubmittedUsage(customer.toString(), "MICROSOFT_365", today.minusDays(day).toString(), null,
                    new BigDecimal("2")));
        }
        TestMsps.actAs(msp.provider(), Role.MSP_ADMINISTRATOR);
        ingestion.ingest(records);
        TestMsps.actAsNobody();
        return customer;
    }
}
