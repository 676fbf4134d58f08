package org.mspportal.usage;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The Global Usage report's figures, from usage ingested as metering systems send it. */
@DatabaseTest
class GlobalUsageReportTests {

    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired ServicePlanManagement plans;
    @Autowired UsageIngestion ingestion;
    @Autowired GlobalUsageReport report;

    UUID provider;
    UUID business;
    UUID enterprise;
    UUID elite;
    LocalDate today;
    LocalDate monthStart;

    @BeforeEach
    void anMspWithAPlanOfEachEdition() {
        provider = new TestMsps(jdbc, clock).provider();
        TestMsps.actAs(provider, Role.MSP_ADMINISTRATOR);
        business = plan(Edition.BUSINESS);
        enterprise = plan(Edition.ENTERPRISE);
        elite = plan(Edition.ELITE);
        today = LocalDate.now(clock);
        monthStart = today.withDayOfMonth(1).minusMonths(4);
    }

    @AfterEach
    void signOut() {
        TestMsps.actAsNobody();
    }

    @Test
    void theReportTotalsTheRangeAndItemizesItPerCustomer() {
        UUID first = customerOn(business);
        UUID second = customerOn(elite);
        ingest(usage(first, "VMWARE", today.minusDays(2), "2.5"), usage(first, "MICROSOFT_365", today, "1.25"),
                usage(second, "ENDPOINTS", today.minusDays(1), "4"), usage(second, "NAS", today.minusDays(9), "50"));

        GlobalUsage usage = report.run(range(today.minusDays(3), today, null));

        assertThat(usage.totalCredits()).isEqualByComparingTo("7.75");
        assertThat(usage.hybridCredits()).isEqualByComparingTo("2.5");
        assertThat(usage.saasCredits()).isEqualByComparingTo("5.25");
        assertThat(credits(usage, first)).isEqualByComparingTo("3.75");
        assertThat(credits(usage, second)).isEqualByComparingTo("4");
    }

    @Test
    void anEditionFilterCountsOnlyUsageFiledUnderThatEdition() {
        UUID onBusiness = customerOn(business);
        UUID onElite = customerOn(elite);
        ingest(usage(onBusiness, "VMWARE", today, "3"), usage(onElite, "VMWARE", today, "5"));

        GlobalUsage usage = report.run(range(today, today, Edition.ELITE));

        assertThat(usage.totalCredits()).isEqualByComparingTo("5");
        assertThat(usage.customers()).extracting(GlobalUsage.CustomerUsage::customerId).containsExactly(onElite);
        assertThat(usage.customers().get(0).editions()).containsExactly("ELITE");
    }

    @Test
    void theTotalsByEditionSumToTheOverallTotal() {
        UUID onBusiness = customerOn(business);
        UUID onEnterprise = customerOn(enterprise);
        UUID onElite = customerOn(elite);
        ingest(usage(onBusiness, "VMWARE", today, "1.111111"), usage(onBusiness, "NAS", today.minusDays(1), "2"),
                usage(onEnterprise, "MICROSOFT_365", today, "3.333333"), usage(onElite, "ORACLE", today, "7.5"));
        UsageReportFilter all = range(today.minusDays(5), today, null);

        GlobalUsage usage = report.run(all);

        BigDecimal sumOfEditions = usage.creditsByEdition().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sumOfEditions).isEqualByComparingTo(usage.totalCredits()).isEqualByComparingTo("13.944444");
        BigDecimal sumOfFilteredReports = Arrays.stream(Edition.values())
                .map(edition -> report.run(range(today.minusDays(5), today, edition)).totalCredits())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sumOfFilteredReports).isEqualByComparingTo(usage.totalCredits());
    }

    @Test
    void quotaUtilizationIsTheUsageInsideTheQuotaWindowOverTheQuota() {
        UUID customer = customerOn(business);
        quota(customer, "200", today.minusDays(20), today.plusDays(100));
        ingest(usage(customer, "VMWARE", today.minusDays(21), "500"), usage(customer, "VMWARE", today.minusDays(20), "100"),
                usage(customer, "NAS", today.minusDays(10), "50"), usage(customer, "NAS", today, "15"));

        GlobalUsage.CustomerUsage line = report.run(range(today, today, null)).customers().get(0);

        assertThat(line.credits()).isEqualByComparingTo("15");
        assertThat(line.quotaConsumed()).isEqualByComparingTo("165");
        assertThat(line.quotaUtilization()).isEqualByComparingTo("82.5");
    }

    @Test
    void aQuotaWindowSpanningMonthsCountsItsWholeMonthsAndItsEdgeDaysOnce() {
        UUID customer = customerOn(business);
        quota(customer, "100", monthStart.plusDays(14), monthStart.plusMonths(2).plusDays(9));
        ingestAroundTheEdges(customer);

        GlobalUsage.CustomerUsage line = report.run(range(today, today, null)).customers().get(0);

        assertThat(line.quotaConsumed()).isEqualByComparingTo("15");
    }

    @Test
    void aRangeSpanningMonthsReadsWholeMonthsAndTheDaysAtItsEdges() {
        UUID customer = customerOn(business);
        ingestAroundTheEdges(customer);

        GlobalUsage usage = report.run(range(monthStart.plusDays(14), monthStart.plusMonths(2).plusDays(9), null));

        assertThat(usage.totalCredits()).isEqualByComparingTo("15");
        assertThat(usage.series().monthly()).isFalse();
    }

    @Test
    void aRangeOfWholeMonthsReadsOnlyThoseMonths() {
        UUID customer = customerOn(business);
        ingestAroundTheEdges(customer);

        GlobalUsage usage = report.run(range(monthStart.plusMonths(1), monthStart.plusMonths(2).minusDays(1), null));

        assertThat(usage.totalCredits()).isEqualByComparingTo("6");
    }

    @Test
    void aLongRangeIsChartedPerMonthStackedByEdition() {
        UUID customer = customerOn(business);
        ingestAroundTheEdges(customer);
        UUID onElite = customerOn(elite);
        ingest(usage(onElite, "ORACLE", monthStart.plusMonths(1).plusDays(3), "0.5"));

        GlobalUsage usage = report.run(range(monthStart.plusDays(14), today, null));

        assertThat(usage.series().monthly()).isTrue();
        assertThat(usage.series().periods()).startsWith(monthStart, monthStart.plusMonths(1), monthStart.plusMonths(2))
                .endsWith(today.withDayOfMonth(1));
        assertThat(usage.series().creditsByEdition().get("BUSINESS").subList(0, 3))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("1"), new BigDecimal("6"), new BigDecimal("208"));
        assertThat(usage.series().creditsByEdition().get("ELITE").get(1)).isEqualByComparingTo("0.5");
    }

    @Test
    void anotherMspsUsageNeverAppears() {
        UUID own = customerOn(business);
        ingest(usage(own, "VMWARE", today, "1"));
        UUID otherMsp = new TestMsps(jdbc, clock).provider();
        TestMsps.actAs(otherMsp, Role.MSP_ADMINISTRATOR);
        UUID theirs = new TestCustomers(jdbc, clock).onPlan(otherMsp, plan(Edition.BUSINESS));
        ingest(usage(theirs, "VMWARE", today, "1000"));
        TestMsps.actAs(provider, Role.MSP_ADMINISTRATOR);

        GlobalUsage usage = report.run(range(today, today, null));

        assertThat(usage.totalCredits()).isEqualByComparingTo("1");
        assertThat(usage.customers()).extracting(GlobalUsage.CustomerUsage::customerId).containsExactly(own);
        assertThat(usage.series().creditsByEdition().get("BUSINESS")).singleElement()
                .satisfies(credits -> assertThat(credits).isEqualByComparingTo("1"));
    }

    @Test
    void aTenantAdministratorsReportCountsOnlyTheirCustomers() {
        UUID theirs = customerOn(business);
        UUID notTheirs = customerOn(business);
        ingest(usage(theirs, "VMWARE", today, "2"), usage(notTheirs, "VMWARE", today, "30"));
        var tenantAdministrator = new TestMsps(jdbc, clock).stored(provider, Role.TENANT_ADMINISTRATOR);
        jdbc.sql("""
                INSERT INTO customer_administrator (customer_id, account_id, assigned_at, assigned_by)
                VALUES (:customer, :account, CURRENT_TIMESTAMP, 'test')""")
                .param("customer", theirs).param("account", tenantAdministrator.accountId()).update();
        TestMsps.actAs(tenantAdministrator);

        GlobalUsage usage = report.run(range(today, today, null));

        assertThat(usage.totalCredits()).isEqualByComparingTo("2");
        assertThat(usage.customers()).extracting(GlobalUsage.CustomerUsage::customerId).containsExactly(theirs);
    }

    @Test
    void customersAreFoundByAnyPartOfTheirNameInAnyCaseAndUnicodeForm() {
        UUID cafe = customerOn(business);
        customerOn(business);
        jdbc.sql("UPDATE customer SET account_name = 'Café Ünïcode 東京' WHERE id = :id").param("id", cafe).update();

        GlobalUsage usage = report.run(range(today, today, null));

        assertThat(usage.customers("CAFE\u0301 ü", GlobalUsage.Column.NAME, false))
                .extracting(GlobalUsage.CustomerUsage::customerId).containsExactly(cafe);
        assertThat(usage.customers("東京", GlobalUsage.Column.NAME, false)).hasSize(1);
    }

    /** 100 the day before the range, 1 + 2 + 4 + 8 inside it (first day, a whole month's ends, last day), 200 after. */
    private void ingestAroundTheEdges(UUID customer) {
        ingest(usage(customer, "VMWARE", monthStart.plusDays(13), "100"),
                usage(customer, "VMWARE", monthStart.plusDays(14), "1"),
                usage(customer, "VMWARE", monthStart.plusMonths(1), "2"),
                usage(customer, "VMWARE", monthStart.plusMonths(2).minusDays(1), "4"),
                usage(customer, "VMWARE", monthStart.plusMonths(2).plusDays(9), "8"),
                usage(customer, "VMWARE", monthStart.plusMonths(2).plusDays(10), "200"));
    }

    private UsageReportFilter range(LocalDate from, LocalDate to, Edition edition) {
        return new UsageReportFilter(from, to, Optional.ofNullable(edition));
    }

    private static BigDecimal credits(GlobalUsage usage, UUID customer) {
        return usage.customers().stream().filter(line -> line.customerId().equals(customer)).findFirst().orElseThrow()
                .credits();
    }

    private void quota(UUID customer, String credits, LocalDate from, LocalDate to) {
        jdbc.sql("UPDATE customer SET credit_quota = :credits, quota_effective_date = :from, quota_end_date = :to"
                + " WHERE id = :id").param("credits", new BigDecimal(credits)).param("from", from).param("to", to)
                .param("id", customer).update();
    }

    private UUID customerOn(UUID plan) {
        return new TestCustomers(jdbc, clock).onPlan(provider, plan);
    }

    private void ingest(SubmittedUsage... records) {
        ingestion.ingest(List.of(records));
    }

    private static SubmittedUsage usage(UUID customer, String workload, LocalDate day, String credits) {
        return new SubmittedUsage(customer.toString(), workload, day.toString(), null, new BigDecimal(credits));
    }

    private UUID plan(Edition edition) {
        return plans.create(new CreateServicePlan("Plan " + UUID.randomUUID(), edition, UsageReportFrequency.MONTHLY,
                EnumSet.of(Workload.NAS))).id();
    }
}
