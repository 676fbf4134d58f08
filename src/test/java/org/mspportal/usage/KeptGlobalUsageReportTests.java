package org.mspportal.usage;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.TestMsps;
import org.mspportal.customers.Customer;
import org.mspportal.customers.CustomerManagement;
import org.mspportal.customers.CustomerSummaries;
import org.mspportal.customers.UpdateCustomer;
import org.mspportal.identity.Role;
import org.mspportal.plans.CreateServicePlan;
import org.mspportal.plans.Edition;
import org.mspportal.plans.ServicePlan;
import org.mspportal.plans.ServicePlanManagement;
import org.mspportal.plans.UpdateServicePlan;
import org.mspportal.plans.UsageReportFrequency;
import org.mspportal.plans.Workload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Global Usage reports kept in memory: served again only to a caller who would compute the very
 * same report, and only while the MSP's usage generation in the database is unchanged.
 */
@DatabaseTest
class KeptGlobalUsageReportTests {

    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired ServicePlanManagement plans;
    @Autowired UsageIngestion ingestion;
    @Autowired CustomerManagement customers;
    @Autowired GlobalUsageReport report;
    @Autowired CustomerSummaries summaries;
    @Autowired RollUpReads rollUpReads;
    @Autowired UsageGeneration generations;
    @Autowired PlatformTransactionManager transactions;
    @Autowired @Qualifier("applicationTaskExecutor") TaskExecutor executor;

    UUID provider;
    UUID business;
    LocalDate today;
    UsageReportFilter thisMonth;

    @BeforeEach
    void anMspWithAPlan() {
        provider = new TestMsps(jdbc, clock).provider();
        TestMsps.actAs(provider, Role.MSP_ADMINISTRATOR);
        business = plan();
        today = LocalDate.now(clock);
        thisMonth = new UsageReportFilter(today.withDayOfMonth(1), today, Optional.empty());
    }

    @AfterEach
    void signOut() {
        TestMsps.actAsNobody();
    }

    @Test
    void aBatchIngestedAfterAReportIsInTheNextReport() {
        UUID customer = customerOn(provider);
        ingest(customer, "1");
        assertThat(report.run(thisMonth).totalCredits()).isEqualByComparingTo("1");

        ingest(customer, "2.5");

        GlobalUsage usage = report.run(thisMonth);
        assertThat(usage.totalCredits()).isEqualByComparingTo("2.5");
        assertThat(usage.customers().get(0).quotaConsumed()).isEqualByComparingTo("2.5");
    }

    @Test
    void aQuotaChangedInThePortalShowsInTheNextReport() {
        UUID id = customerOn(provider);
        ingest(id, "50");
        assertThat(report.run(thisMonth).customers().get(0).quotaUtilization()).isEqualByComparingTo("5");

        Customer customer = customers.get(id);
        customers.update(id, new UpdateCustomer(customer.accountName(), customer.organizationName(),
                customer.address(), customer.phoneNumber(), customer.tenantType(), customer.storageRegion(),
                new BigDecimal("100"), customer.quotaEffectiveDate(), customer.quotaEndDate(),
                customer.licenseExpiryDate(), customer.version()));

        GlobalUsage.CustomerUsage line = report.run(thisMonth).customers().get(0);
        assertThat(line.creditQuota()).isEqualByComparingTo("100");
        assertThat(line.quotaUtilization()).isEqualByComparingTo("50");
    }

    @Test
    void aKeptReportIsServedUntilAnyInstanceMovesTheGeneration() {
        UUID customer = customerOn(provider);
        ingest(customer, "1");
        report.run(thisMonth);
        // Written behind the portal's back: no generation moves, so the kept report stands.
        jdbc.sql("UPDATE customer SET account_name = 'Renamed elsewhere' WHERE id = :id").param("id", customer)
                .update();
        assertThat(report.run(thisMonth).customers().get(0).accountName()).isNotEqualTo("Renamed elsewhere");

        // What another instance's change commits with it.
        jdbc.sql("UPDATE usage_generation SET generation = generation + 1 WHERE provider_id = :provider")
                .param("provider", provider).update();

        assertThat(report.run(thisMonth).customers().get(0).accountName()).isEqualTo("Renamed elsewhere");
    }

    @Test
    void anotherMspNeverGetsAnMspsKeptReport() {
        UUID own = customerOn(provider);
        ingest(own, "1");
        report.run(thisMonth);
        UUID otherMsp = new TestMsps(jdbc, clock).provider();
        UUID theirs = customerOn(otherMsp);

        TestMsps.actAs(otherMsp, Role.MSP_ADMINISTRATOR);
        GlobalUsage usage = report.run(thisMonth);

        assertThat(usage.customers()).extracting(GlobalUsage.CustomerUsage::customerId).containsExactly(theirs);
        assertThat(usage.totalCredits()).isEqualByComparingTo("0");
    }

    @Test
    void aTenantAdministratorAndTheMspsAdministratorsNeverShareAKeptReport() {
        UUID assigned = customerOn(provider);
        UUID notAssigned = customerOn(provider);
        ingest(assigned, "2");
        ingest(notAssigned, "30");
        var tenantAdministrator = new TestMsps(jdbc, clock).stored(provider, Role.TENANT_ADMINISTRATOR);
        var otherTenantAdministrator = new TestMsps(jdbc, clock).stored(provider, Role.TENANT_ADMINISTRATOR);
        assign(assigned, tenantAdministrator.accountId());
        assign(notAssigned, otherTenantAdministrator.accountId());
        assertThat(report.run(thisMonth).totalCredits()).isEqualByComparingTo("32");

        TestMsps.actAs(tenantAdministrator);
        assertThat(report.run(thisMonth).customers()).extracting(GlobalUsage.CustomerUsage::customerId)
                .containsExactly(assigned);
        TestMsps.actAs(otherTenantAdministrator);
        assertThat(report.run(thisMonth).customers()).extracting(GlobalUsage.CustomerUsage::customerId)
                .containsExactly(notAssigned);
        TestMsps.actAs(provider, Role.MSP_ADMINISTRATOR);
        assertThat(report.run(thisMonth).totalCredits()).isEqualByComparingTo("32");
    }

    @Test
    void aQuotaWindowSharedByManyCustomersCountsOnlyEachCustomersUsageInsideIt() {
        List<UUID> sharing = new ArrayList<>();
        for (int i = 0; i < RollUpReads.SHARED_BY; i++) {
            sharing.add(customerOn(provider));
        }
        UUID first = sharing.get(0);
        LocalDate before = today.minusDays(40);
        ingestion.ingest(List.of(usage(first, today, "3"), usage(first, before, "100"),
                usage(sharing.get(1), today, "7")));

        GlobalUsage usage = report.run(new UsageReportFilter(before, today, Optional.empty()));

        assertThat(usage.totalCredits()).isEqualByComparingTo("110");
        assertThat(line(usage, first).quotaConsumed()).isEqualByComparingTo("3");
        assertThat(line(usage, sharing.get(1)).quotaConsumed()).isEqualByComparingTo("7");
        assertThat(line(usage, sharing.get(2)).quotaConsumed()).isEqualByComparingTo("0");
    }

    @Test
    void aReportReadWholeAfterUnrecordedChangesCountsEachCustomerInItsQuotaWindowAsItIsNow() {
        UUID moved = customerOn(provider);
        UUID unchanged = customerOn(provider);
        LocalDate before = today.minusDays(40);
        ingestion.ingest(List.of(usage(moved, before, "100"), usage(moved, today, "3"),
                usage(unchanged, before, "50"), usage(unchanged, today, "4")));
        UsageReportFilter range = new UsageReportFilter(before, today, Optional.empty());
        assertThat(line(report.run(range), moved).quotaConsumed()).isEqualByComparingTo("3");

        jdbc.sql("UPDATE customer SET quota_effective_date = :from WHERE id = :id").param("from", before)
                .param("id", moved).update();
        UUID added = customerOn(provider);
        ingest(added, "9");
        // What another instance's change commits with it, recording no customers: all is read again.
        jdbc.sql("UPDATE usage_generation SET generation = generation + 1 WHERE provider_id = :provider")
                .param("provider", provider).update();

        GlobalUsage usage = report.run(range);
        assertThat(line(usage, moved).quotaConsumed()).isEqualByComparingTo("103");
        assertThat(line(usage, unchanged).quotaConsumed()).isEqualByComparingTo("4");
        assertThat(line(usage, added).quotaConsumed()).isEqualByComparingTo("9");
        assertIsWhatAFreshReportComputes(usage, range);
    }

    @Test
    void aReportKeptBeforeABatchIsRefreshedToWhatAFreshReportComputes() {
        UUID first = customerOn(provider);
        UUID second = customerOn(provider);
        UUID third = customerOn(provider);
        ingestion.ingest(List.of(usage(first, today, "1"), usage(second, today, "2"), usage(third, today, "3")));
        UsageReportFilter year = new UsageReportFilter(today.minusYears(1).plusDays(1), today, Optional.empty());
        report.run(year);

        ingestion.ingest(List.of(usage(second, today, "20"), usage(second, today.minusDays(35), "5")));

        GlobalUsage refreshed = report.run(year);
        assertThat(refreshed.totalCredits()).isEqualByComparingTo("29");
        assertIsWhatAFreshReportComputes(refreshed, year);
    }

    @Test
    void aRefreshReadsAgainOnlyTheCustomersTheChangesConcern() {
        UUID changed = customerOn(provider);
        UUID untouched = customerOn(provider);
        ingestion.ingest(List.of(usage(changed, today, "1"), usage(untouched, today, "2")));
        report.run(thisMonth);
        quotaOfTwoUnrecorded(untouched);

        ingest(changed, "4");

        GlobalUsage usage = report.run(thisMonth);
        assertThat(line(usage, changed).credits()).isEqualByComparingTo("4");
        assertThat(line(usage, untouched).creditQuota()).isEqualByComparingTo("1000");
        assertThat(freshReport().run(thisMonth)).satisfies(fresh ->
                assertThat(line(fresh, untouched).creditQuota()).isEqualByComparingTo("2"));
    }

    @Test
    void aRefreshMakesAgainOnlyTheChangedCustomersLinesAndMovesTheTotalsByTheirDifference() {
        UUID changed = customerOn(provider);
        UUID untouched = customerOn(provider);
        ingestion.ingest(List.of(usage(changed, today, "1.5"), usage(untouched, today, "2")));
        GlobalUsage before = report.run(thisMonth);

        ingest(changed, "4.25");

        GlobalUsage refreshed = report.run(thisMonth);
        assertThat(line(refreshed, untouched)).isSameAs(line(before, untouched));
        assertThat(line(refreshed, changed).credits()).isEqualByComparingTo("4.25");
        assertThat(refreshed.totalCredits()).isEqualByComparingTo("6.25");
        assertThat(refreshed.creditsByEdition()).containsOnlyKeys("BUSINESS", "ENTERPRISE", "ELITE", "NONE")
                .hasEntrySatisfying("BUSINESS", credits -> assertThat(credits).isEqualByComparingTo("6.25"));
        assertIsWhatAFreshReportComputes(refreshed, thisMonth);
    }

    @Test
    void aCustomerWhoComesIntoAnEditionsKeptReportIsInItsPlaceAsInAFreshReport() {
        UUID elitePlan = plan(Edition.ELITE);
        UUID joining = new TestCustomers(jdbc, clock).onPlan(provider, elitePlan);
        UUID staying = customerOn(provider);
        ingest(staying, "3");
        UsageReportFilter businessOnly = new UsageReportFilter(thisMonth.from(), thisMonth.to(),
                Optional.of(Edition.BUSINESS));
        assertThat(report.run(businessOnly).customers()).extracting(GlobalUsage.CustomerUsage::customerId)
                .containsExactly(staying);

        customers.changePlan(joining, business, customers.get(joining).version());

        GlobalUsage usage = report.run(businessOnly);
        assertThat(usage.customers()).extracting(GlobalUsage.CustomerUsage::customerId)
                .containsExactlyInAnyOrder(joining, staying);
        assertIsWhatAFreshReportComputes(usage, businessOnly);
    }

    @Test
    void aPlansNewEditionShowsInAKeptReportWithoutReadingAnyCustomerAgain() {
        UUID withoutUsage = customerOn(provider);
        UUID withUsage = customerOn(provider);
        ingest(withUsage, "1");
        UsageReportFilter elite = new UsageReportFilter(thisMonth.from(), thisMonth.to(), Optional.of(Edition.ELITE));
        report.run(thisMonth);
        assertThat(report.run(elite).customers()).isEmpty();
        quotaOfTwoUnrecorded(withoutUsage);

        ServicePlan plan = plans.get(business);
        plans.update(business, new UpdateServicePlan(plan.name(), Edition.ELITE, plan.usageReportFrequency(),
                plan.workloads(), plan.version()));

        GlobalUsage all = report.run(thisMonth);
        assertThat(line(all, withoutUsage).editions()).containsExactly("ELITE");
        assertThat(line(all, withoutUsage).creditQuota()).isEqualByComparingTo("1000");
        assertThat(line(all, withUsage).editions()).as("usage keeps the edition it was filed under")
                .containsExactly("BUSINESS");
        assertThat(report.run(elite).customers()).as("every customer now on an Elite plan")
                .extracting(GlobalUsage.CustomerUsage::customerId).containsExactlyInAnyOrder(withoutUsage, withUsage);
    }

    @Test
    void anotherEditionOfAKeptRangeIsAssembledWithoutReadingAnyCustomerAgain() {
        UUID customer = customerOn(provider);
        ingest(customer, "2");
        report.run(thisMonth);
        quotaOfTwoUnrecorded(customer);

        GlobalUsage business = report.run(edition(Edition.BUSINESS));

        assertThat(line(business, customer).creditQuota()).isEqualByComparingTo("1000");
        assertThat(business.totalCredits()).isEqualByComparingTo("2");
    }

    @Test
    void everyEditionAssembledFromAnotherEditionsKeptReportIsWhatAFreshReportComputes() {
        UUID elitePlan = plan(Edition.ELITE);
        UUID onElite = new TestCustomers(jdbc, clock).onPlan(provider, elitePlan);
        UUID onBusiness = customerOn(provider);
        ingestion.ingest(List.of(usage(onElite, today, "7"), usage(onBusiness, today, "3")));
        report.run(edition(Edition.ELITE));

        for (UsageReportFilter filter : List.of(thisMonth, edition(Edition.BUSINESS), edition(Edition.ENTERPRISE))) {
            assertIsWhatAFreshReportComputes(report.run(filter), filter);
        }
        assertThat(report.run(thisMonth).totalCredits()).isEqualByComparingTo("10");
        assertThat(report.run(edition(Edition.BUSINESS)).customers()).extracting(GlobalUsage.CustomerUsage::customerId)
                .containsExactly(onBusiness);
    }

    @Test
    void anotherRangeReadsItsCreditsButNoCustomerAgain() {
        UUID customer = customerOn(provider);
        ingestion.ingest(List.of(usage(customer, today, "2"), usage(customer, today.minusDays(40), "5")));
        report.run(thisMonth);
        quotaOfTwoUnrecorded(customer);

        GlobalUsage lastQuarter = report.run(lastQuarter());

        assertThat(line(lastQuarter, customer).creditQuota()).isEqualByComparingTo("1000");
        assertThat(line(lastQuarter, customer).credits()).isEqualByComparingTo("7");
    }

    @Test
    void aReportOfANewRangeAfterABatchReadsAgainOnlyTheBatchsCustomers() {
        UUID changed = customerOn(provider);
        UUID untouched = customerOn(provider);
        ingestion.ingest(List.of(usage(changed, today, "1"), usage(untouched, today, "2")));
        report.run(thisMonth);
        quotaOfTwoUnrecorded(changed, untouched);

        ingest(changed, "4");
        GlobalUsage lastQuarter = report.run(lastQuarter());

        assertThat(line(lastQuarter, changed).creditQuota()).isEqualByComparingTo("2");
        assertThat(line(lastQuarter, changed).quotaConsumed()).isEqualByComparingTo("4");
        assertThat(line(lastQuarter, untouched).creditQuota()).isEqualByComparingTo("1000");
    }

    @Test
    void aReportOfAnotherRangeAtTheSameGenerationIsWhatAFreshReportComputes() {
        UUID first = customerOn(provider);
        UUID second = customerOn(provider);
        ingestion.ingest(List.of(usage(first, today, "2"), usage(second, today.minusDays(40), "5"),
                usage(second, today, "1")));
        report.run(thisMonth);
        UsageReportFilter lastQuarter = lastQuarter();

        assertIsWhatAFreshReportComputes(report.run(lastQuarter), lastQuarter);
        assertThat(line(report.run(lastQuarter), second).quotaConsumed()).isEqualByComparingTo("1");
    }

    @Test
    void aCustomerRenamedAfterAReportWasKeptMovesToItsPlaceByName() {
        customerOn(provider);
        customerOn(provider);
        List<GlobalUsage.CustomerUsage> before = report.run(thisMonth).customers();
        UUID firstByName = before.get(0).customerId();
        UUID secondByName = before.get(1).customerId();
        Customer customer = customers.get(firstByName);
        customers.update(firstByName, new UpdateCustomer(before.get(1).accountName() + " renamed",
                customer.organizationName(), customer.address(), customer.phoneNumber(), customer.tenantType(),
                customer.storageRegion(), customer.creditQuota(), customer.quotaEffectiveDate(),
                customer.quotaEndDate(), customer.licenseExpiryDate(), customer.version()));

        GlobalUsage usage = report.run(thisMonth);

        assertThat(usage.customers()).extracting(GlobalUsage.CustomerUsage::customerId)
                .containsExactly(secondByName, firstByName);
        assertIsWhatAFreshReportComputes(usage, thisMonth);
    }

    /**
     * Sets the customers' quota to 2 credits behind the portal's back, so no change records it:
     * only a customer read again shows it (a kept or refreshed report keeps 1 000).
     */
    private void quotaOfTwoUnrecorded(UUID... customers) {
        jdbc.sql("UPDATE customer SET credit_quota = 2 WHERE id IN (:ids)").param("ids", List.of(customers)).update();
    }

    private UsageReportFilter lastQuarter() {
        return new UsageReportFilter(today.minusDays(89), today, Optional.empty());
    }

    private UsageReportFilter edition(Edition edition) {
        return new UsageReportFilter(thisMonth.from(), thisMonth.to(), Optional.of(edition));
    }

    /** Equal, amounts compared by value, to the report of an instance that kept nothing yet. */
    private void assertIsWhatAFreshReportComputes(GlobalUsage usage, UsageReportFilter filter) {
        assertThat(usage).as(filter.toString()).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(freshReport().run(filter));
    }

    /** A report of the same data by an instance that kept nothing yet. */
    private GlobalUsageReport freshReport() {
        return new GlobalUsageReport(summaries, plans, rollUpReads, generations, clock, transactions, executor, 1_000);
    }

    private static GlobalUsage.CustomerUsage line(GlobalUsage usage, UUID customer) {
        return usage.customers().stream().filter(line -> line.customerId().equals(customer)).findFirst()
                .orElseThrow();
    }

    private void assign(UUID customer, UUID account) {
        jdbc.sql("""
                INSERT INTO customer_administrator (customer_id, account_id, assigned_at, assigned_by)
                VALUES (:customer, :account, CURRENT_TIMESTAMP, 'test')""")
                .param("customer", customer).param("account", account).update();
    }

    /** Quota windows of test customers start today. */
    private UUID customerOn(UUID msp) {
        UUID plan = msp.equals(provider) ? business : null;
        if (plan == null) {
            TestMsps.actAs(msp, Role.MSP_ADMINISTRATOR);
            plan = plan();
            TestMsps.actAs(provider, Role.MSP_ADMINISTRATOR);
        }
        return new TestCustomers(jdbc, clock).onPlan(msp, plan);
    }

    private void ingest(UUID customer, String credits) {
        ingestion.ingest(List.of(usage(customer, today, credits)));
    }

    private static SubmittedUsage usage(UUID customer, LocalDate day, String credits) {
        return new SubmittedUsage(customer.toString(), "VMWARE", day.toString(), null, new BigDecimal(credits));
    }

    private UUID plan() {
        return plan(Edition.BUSINESS);
    }

    private UUID plan(Edition edition) {
        return plans.create(new CreateServicePlan("Plan " + UUID.randomUUID(), edition, UsageReportFrequency.MONTHLY,
                EnumSet.allOf(Workload.class))).id();
    }
}
