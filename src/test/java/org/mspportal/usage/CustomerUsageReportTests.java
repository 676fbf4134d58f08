package org.mspportal.usage;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.TestMsps;
import org.mspportal.identity.Role;
import org.mspportal.plans.CreateServicePlan;
import org.mspportal.plans.Edition;
import org.mspportal.plans.ServicePlanManagement;
import org.mspportal.plans.UsageReportFrequency;
import org.mspportal.plans.Workload;
import org.mspportal.shared.NotFound;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One customer's usage: by workload, the quota's burn-down and the forecast of the day it runs out. */
@DatabaseTest
class CustomerUsageReportTests {

    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired ServicePlanManagement plans;
    @Autowired UsageIngestion ingestion;
    @Autowired CustomerUsageReport report;

    UUID provider;
    UUID plan;
    LocalDate today;

    @BeforeEach
    void anMspWithAPlan() {
        provider = new TestMsps(jdbc, clock).provider();
        TestMsps.actAs(provider, Role.MSP_ADMINISTRATOR);
        plan = plans.create(new CreateServicePlan("Plan " + UUID.randomUUID(), Edition.BUSINESS,
                UsageReportFrequency.MONTHLY, EnumSet.allOf(Workload.class))).id();
        today = LocalDate.now(clock);
    }

    @AfterEach
    void signOut() {
        TestMsps.actAsNobody();
    }

    @Test
    void theRangeIsTotalledPerWorkloadMostFirst() {
        UUID customer = customer("1000", today.minusDays(10), today.plusDays(100));
        ingest(usage(customer, "VMWARE", today.minusDays(2), "2.5"), usage(customer, "VMWARE", today, "1.5"),
                usage(customer, "MICROSOFT_365", today.minusDays(1), "7"), usage(customer, "NAS", today.minusDays(9), "50"));

        CustomerUsage usage = run(customer, today.minusDays(3), today);

        assertThat(usage.totalCredits()).isEqualByComparingTo("11");
        assertThat(usage.byWorkload()).extracting(CustomerUsage.WorkloadCredits::workload)
                .containsExactly(Workload.MICROSOFT_365, Workload.VMWARE);
        assertThat(usage.byWorkload().get(1).credits()).isEqualByComparingTo("4");
        assertThat(usage.series().get(Workload.VMWARE)).hasSize(4);
        assertThat(usage.series().get(Workload.VMWARE).get(1)).isEqualByComparingTo("2.5");
    }

    @Test
    void aRangeLongerThanNinetyThreeDaysIsChartedPerMonth() {
        UUID customer = customer("1000", today.minusDays(200), today.plusDays(100));
        ingest(usage(customer, "NAS", today.minusDays(150), "3"), usage(customer, "NAS", today.minusDays(149), "4"));

        CustomerUsage usage = run(customer, today.minusDays(180), today);

        assertThat(usage.range().monthly()).isTrue();
        assertThat(usage.periods()).allMatch(period -> period.getDayOfMonth() == 1);
        assertThat(usage.totals().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("7");
    }

    @Test
    void theBurnDownIsTheQuotaLessTheCreditsUsedUpToEachDay() {
        UUID customer = customer("100", today.minusDays(3), today.plusDays(30));
        ingest(usage(customer, "VMWARE", today.minusDays(3), "10"), usage(customer, "NAS", today.minusDays(3), "5"),
                usage(customer, "VMWARE", today.minusDays(1), "20"), usage(customer, "VMWARE", today.minusDays(4), "99"));

        QuotaBurnDown quota = run(customer, today.minusDays(3), today).quota();

        assertThat(quota.remainingPerDay()).extracting(Map.Entry::getKey)
                .containsExactly(today.minusDays(3), today.minusDays(2), today.minusDays(1), today);
        assertThat(quota.remainingPerDay()).extracting(day -> day.getValue().stripTrailingZeros().toPlainString())
                .containsExactly("85", "85", "65", "65");
        assertThat(quota.consumed()).isEqualByComparingTo("35");
        assertThat(quota.remaining()).isEqualByComparingTo("65");
    }

    @Test
    void atASteadyRateTheQuotaRunsOutWhenTheCreditsLeftAreUsedUp() {
        UUID customer = customer("1000", today.minusDays(39), today.plusDays(365));
        ingestEveryDay(customer, today.minusDays(39), today, "10");

        QuotaBurnDown.Forecast forecast = run(customer, today.minusDays(39), today).quota().forecast();

        assertThat(forecast.outlook()).isEqualTo(QuotaBurnDown.Outlook.RUNS_OUT);
        assertThat(forecast.dailyRate()).isEqualByComparingTo("10");
        assertThat(forecast.exhaustedOn()).isEqualTo(today.plusDays(60));
        assertThat(forecast.basisFrom()).isEqualTo(today.minusDays(29));
        assertThat(forecast.basisTo()).isEqualTo(today);
    }

    @Test
    void aYoungerWindowAveragesOnlyItsOwnDays() {
        UUID customer = customer("100", today.minusDays(4), today.plusDays(365));
        ingestEveryDay(customer, today.minusDays(4), today, "4");

        QuotaBurnDown.Forecast forecast = run(customer, today.minusDays(4), today).quota().forecast();

        assertThat(forecast.basisDays()).isEqualTo(5);
        assertThat(forecast.dailyRate()).isEqualByComparingTo("4");
        assertThat(forecast.exhaustedOn()).isEqualTo(today.plusDays(20));
    }

    @Test
    void aQuotaThatOutlastsItsWindowIsNotForecastToRunOut() {
        UUID customer = customer("1000", today.minusDays(39), today.plusDays(30));
        ingestEveryDay(customer, today.minusDays(39), today, "10");

        QuotaBurnDown.Forecast forecast = run(customer, today.minusDays(39), today).quota().forecast();

        assertThat(forecast.outlook()).isEqualTo(QuotaBurnDown.Outlook.NOT_WITHIN_QUOTA_WINDOW);
        assertThat(forecast.exhaustedOn()).isNull();
        assertThat(forecast.dailyRate()).isEqualByComparingTo("10");
    }

    @Test
    void withoutUsageInTheLastThirtyDaysThereIsNoForecast() {
        UUID customer = customer("1000", today.minusDays(100), today.plusDays(300));
        ingestEveryDay(customer, today.minusDays(60), today.minusDays(30), "10");

        QuotaBurnDown.Forecast forecast = run(customer, today.minusDays(100), today).quota().forecast();

        assertThat(forecast.outlook()).isEqualTo(QuotaBurnDown.Outlook.NO_RECENT_USAGE);
        assertThat(forecast.exhaustedOn()).isNull();
        assertThat(forecast.dailyRate()).isZero();
    }

    @Test
    void aCustomerWithoutAnyUsageHasNoForecast() {
        UUID customer = customer("1000", today.minusDays(10), today.plusDays(300));

        CustomerUsage usage = run(customer, today.minusDays(10), today);

        assertThat(usage.hasUsage()).isFalse();
        assertThat(usage.quota().forecast().outlook()).isEqualTo(QuotaBurnDown.Outlook.NO_RECENT_USAGE);
    }

    @Test
    void aUsedUpQuotaShowsTheDayItRanOut() {
        UUID customer = customer("25", today.minusDays(5), today.plusDays(300));
        ingestEveryDay(customer, today.minusDays(5), today, "10");

        QuotaBurnDown.Forecast forecast = run(customer, today.minusDays(5), today).quota().forecast();

        assertThat(forecast.outlook()).isEqualTo(QuotaBurnDown.Outlook.EXHAUSTED);
        assertThat(forecast.exhaustedOn()).isEqualTo(today.minusDays(3));
    }

    @Test
    void aTenantAdministratorReachesOnlyTheCustomersAssignedToThem() {
        UUID theirs = customer("1000", today.minusDays(5), today.plusDays(300));
        UUID notTheirs = customer("1000", today.minusDays(5), today.plusDays(300));
        ingest(usage(theirs, "NAS", today, "3"));
        var tenantAdministrator = new TestMsps(jdbc, clock).stored(provider, Role.TENANT_ADMINISTRATOR);
        jdbc.sql("""
                INSERT INTO customer_administrator (customer_id, account_id, assigned_at, assigned_by)
                VALUES (:customer, :account, CURRENT_TIMESTAMP, 'test')""")
                .param("customer", theirs).param("account", tenantAdministrator.accountId()).update();
        TestMsps.actAs(tenantAdministrator);

        assertThat(run(theirs, today, today).totalCredits()).isEqualByComparingTo("3");
        assertThatThrownBy(() -> report.customer(notTheirs)).isInstanceOf(NotFound.class);
    }

    @Test
    void anotherMspsCustomerIsNotFound() {
        UUID otherMsp = new TestMsps(jdbc, clock).provider();
        TestMsps.actAs(otherMsp, Role.MSP_ADMINISTRATOR);
        UUID theirPlan = plans.create(new CreateServicePlan("Theirs", Edition.BUSINESS, UsageReportFrequency.MONTHLY,
                EnumSet.allOf(Workload.class))).id();
        UUID theirs = new TestCustomers(jdbc, clock).onPlan(otherMsp, theirPlan);
        TestMsps.actAs(provider, Role.MSP_ADMINISTRATOR);

        assertThatThrownBy(() -> report.customer(theirs)).isInstanceOf(NotFound.class);
    }

    private CustomerUsage run(UUID customer, LocalDate from, LocalDate to) {
        return report.run(report.customer(customer), new CustomerUsageRange(from, to));
    }

    private UUID customer(String quota, LocalDate from, LocalDate to) {
        UUID id = new TestCustomers(jdbc, clock).onPlan(provider, plan);
        jdbc.sql("UPDATE customer SET credit_quota = :credits, quota_effective_date = :from, quota_end_date = :to"
                + " WHERE id = :id").param("credits", new BigDecimal(quota)).param("from", from).param("to", to)
                .param("id", id).update();
        return id;
    }

    private void ingestEveryDay(UUID customer, LocalDate from, LocalDate to, String credits) {
        List<SubmittedUsage> records = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            records.add(usage(customer, "VMWARE", day, credits));
        }
        ingestion.ingest(records);
    }

    private void ingest(SubmittedUsage... records) {
        ingestion.ingest(List.of(records));
    }

    private static SubmittedUsage usage(UUID customer, String workload, LocalDate day, String credits) {
        return new SubmittedUsage(customer.toString(), workload, day.toString(), null, new BigDecimal(credits));
    }
}
