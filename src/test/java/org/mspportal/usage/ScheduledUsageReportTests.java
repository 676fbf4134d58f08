package org.mspportal.usage;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.Mailbox;
import org.mspportal.TestClock;
import org.mspportal.TestMsps;
import org.mspportal.identity.Role;
import org.mspportal.identity.SignedInAdministrator;
import org.mspportal.plans.CreateServicePlan;
import org.mspportal.plans.Edition;
import org.mspportal.plans.ServicePlanManagement;
import org.mspportal.plans.UsageReportFrequency;
import org.mspportal.plans.Workload;
import org.mspportal.shared.StoredTime;
import org.mspportal.shared.WrittenDate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scheduled usage reports from the daily job, which the tests run themselves with the test clock.
 * The clock moves months ahead here, so this class has a context (and clock) of its own: the
 * property only sets the job's default schedule.
 */
@DatabaseTest(properties = "portal.usage-reports.cron=0 17 0 * * *")
class ScheduledUsageReportTests {

    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired ServicePlanManagement plans;
    @Autowired UsageIngestion ingestion;
    @Autowired GlobalUsageReport report;
    @Autowired ScheduledUsageReports reports;

    UUID provider;
    String administrator;
    TestCustomers customers;
    Mailbox mailbox;

    @BeforeEach
    void anMspWithAnActiveAdministrator() {
        TestMsps msps = new TestMsps(jdbc, clock);
        provider = msps.provider();
        administrator = activeAdministrator(msps, provider);
        customers = new TestCustomers(jdbc, clock);
        mailbox = new Mailbox(jdbc);
    }

    @AfterEach
    void signOut() {
        TestMsps.actAsNobody();
    }

    @Test
    void aMonthlyCustomerGetsNoReportBeforeItsMonthEnds() {
        UUID customer = customers.onPlan(provider, plan(UsageReportFrequency.MONTHLY));

        reports.sendDueReports();

        assertThat(reportsTo(administrator, customer)).isEmpty();
    }

    @Test
    void aMonthlyCustomerGetsOneReportOnceItsMonthHasEnded() {
        UUID customer = customers.onPlan(provider, plan(UsageReportFrequency.MONTHLY));
        LocalDate month = today().withDayOfMonth(1);

        advanceTo(month.plusMonths(1));
        reports.sendDueReports();

        assertThat(reportsTo(administrator, customer)).extracting(Mailbox.Mail::subject).containsExactly(
                "Usage report: " + name(customer) + " — "
                        + month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear());
    }

    @Test
    void aQuarterlyCustomerGetsNothingAfterTheFirstMonthOfAQuarterAndOneReportAfterItsLastMonth() {
        LocalDate quarter = nextQuarter();
        advanceTo(quarter);
        UUID customer = customers.onPlan(provider, plan(UsageReportFrequency.QUARTERLY));

        advanceTo(quarter.plusMonths(1));
        reports.sendDueReports();
        assertThat(reportsTo(administrator, customer)).isEmpty();

        advanceTo(quarter.plusMonths(3));
        reports.sendDueReports();
        assertThat(reportsTo(administrator, customer)).extracting(Mailbox.Mail::subject).containsExactly(
                "Usage report: " + name(customer) + " — " + quarterLabel(quarter));
    }

    @Test
    void aCustomerMovedFromAMonthlyToAQuarterlyPlanGetsTheQuarterThatStartsWithAReportedMonth() {
        LocalDate quarter = nextQuarter();
        advanceTo(quarter);
        UUID customer = customers.onPlan(provider, plan(UsageReportFrequency.MONTHLY));
        advanceTo(quarter.plusMonths(1));
        reports.sendDueReports();

        jdbc.sql("UPDATE customer SET service_plan_id = :plan WHERE id = :id")
                .param("plan", plan(UsageReportFrequency.QUARTERLY)).param("id", customer).update();
        advanceTo(quarter.plusMonths(3));
        reports.sendDueReports();

        assertThat(reportsTo(administrator, customer)).hasSize(2).last().extracting(Mailbox.Mail::subject)
                .asString().endsWith(" — " + quarterLabel(quarter));
    }

    @Test
    void runningTheJobTwiceSendsTheReportOnce() {
        UUID customer = customers.onPlan(provider, plan(UsageReportFrequency.MONTHLY));
        advanceTo(today().withDayOfMonth(1).plusMonths(1));

        reports.sendDueReports();
        reports.sendDueReports();

        assertThat(reportsTo(administrator, customer)).hasSize(1);
        assertThat(recordedReports(customer)).isEqualTo(1);
    }

    @Test
    void twoConcurrentRunsSendTheReportOnce() throws Exception {
        UUID customer = customers.onPlan(provider, plan(UsageReportFrequency.MONTHLY));
        advanceTo(today().withDayOfMonth(1).plusMonths(1));

        inParallel(reports::sendDueReports);

        assertThat(reportsTo(administrator, customer)).hasSize(1);
        assertThat(recordedReports(customer)).isEqualTo(1);
    }

    @Test
    void twoInstancesRunningAtOnceWithoutTheirLockSendTheReportOnce() throws Exception {
        UUID customer = customers.onPlan(provider, plan(UsageReportFrequency.MONTHLY));
        advanceTo(today().withDayOfMonth(1).plusMonths(1));

        inParallel(reports::sendDueReportsWithoutLock);

        assertThat(reportsTo(administrator, customer)).hasSize(1);
        assertThat(recordedReports(customer)).isEqualTo(1);
    }

    @Test
    void theReportsFiguresAreTheGlobalUsageReportsForThePeriod() {
        UUID customer = customers.onPlan(provider, plan(UsageReportFrequency.MONTHLY));
        LocalDate month = today().withDayOfMonth(1);
        TestMsps.actAs(provider, Role.MSP_ADMINISTRATOR);
        ingestion.ingest(List.of(usage(customer, "VMWARE", today(), "2.5"),
                usage(customer, "MICROSOFT_365", today(), "1.25"), usage(customer, "ENDPOINTS", today(), "4.000001")));
        TestMsps.actAsNobody();
        advanceTo(month.plusMonths(1));

        reports.sendDueReports();

        TestMsps.actAs(provider, Role.MSP_ADMINISTRATOR);
        GlobalUsage.CustomerUsage expected = report.run(new UsageReportFilter(month, month.plusMonths(1).minusDays(1),
                Optional.empty())).customers().stream().filter(line -> line.customerId().equals(customer))
                .findFirst().orElseThrow();
        String text = reportsTo(administrator, customer).get(0).text();
        assertThat(expected.credits()).isEqualByComparingTo("7.750001");
        assertThat(text).contains("Credits used: " + plain(expected.credits()) + " — hybrid workloads "
                + plain(expected.hybridCredits()) + ", SaaS apps & endpoints " + plain(expected.saasCredits()) + ".");
        assertThat(text).contains("used in that window: " + plain(expected.quotaConsumed()) + " ("
                + expected.quotaUtilization().toPlainString() + " %)");
        assertThat(text).contains("Licence expiry: " + WrittenDate.of(expected.licenseExpiryDate()));
        assertThat(text).contains("/reports/global-usage?from=" + month + "&to=" + month.plusMonths(1).minusDays(1)
                + "&q=");
    }

    @Test
    void theSandboxGetsNoReport() {
        UUID sandbox = sandboxOf(provider);
        advanceTo(today().withDayOfMonth(1).plusMonths(1));

        reports.sendDueReports();

        assertThat(recordedReports(sandbox)).isZero();
        assertThat(mailbox.to(administrator)).isEmpty();
    }

    @Test
    void anotherMspsAdministratorsNeverReceiveTheReport() {
        TestMsps msps = new TestMsps(jdbc, clock);
        UUID otherProvider = msps.provider();
        String otherAdministrator = activeAdministrator(msps, otherProvider);
        UUID customer = customers.onPlan(provider, plan(UsageReportFrequency.MONTHLY));
        advanceTo(today().withDayOfMonth(1).plusMonths(1));

        reports.sendDueReports();

        assertThat(reportsTo(administrator, customer)).hasSize(1);
        assertThat(mailbox.to(otherAdministrator)).isEmpty();
    }

    /** Runs the job on two threads released at the same moment, as two instances would. */
    private static void inParallel(Runnable job) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = List.of(instances.submit(() -> afterLatch(start, job)),
                    instances.submit(() -> afterLatch(start, job)));
            start.countDown();
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            instances.shutdownNow();
        }
    }

    private static void afterLatch(CountDownLatch start, Runnable job) {
        try {
            start.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return;
        }
        job.run();
    }

    private String activeAdministrator(TestMsps msps, UUID owner) {
        SignedInAdministrator admin = msps.stored(owner, Role.MSP_ADMINISTRATOR);
        jdbc.sql("UPDATE account SET status = 'ACTIVE' WHERE id = :id").param("id", admin.accountId()).update();
        return admin.email();
    }

    private UUID plan(UsageReportFrequency frequency) {
        TestMsps.actAs(provider, Role.MSP_ADMINISTRATOR);
        try {
            return plans.create(new CreateServicePlan("Plan " + frequency.label(), Edition.BUSINESS, frequency,
                    EnumSet.allOf(Workload.class))).id();
        } finally {
            TestMsps.actAsNobody();
        }
    }

    private UUID sandboxOf(UUID owner) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO customer (id, provider_id, account_name, name_key, service_plan_id, tenant_type,
                       storage_region, credit_quota, quota_effective_date, quota_end_date, licence_expiry_date, status,
                       created_at, sandbox_of)
                VALUES (:id, :provider, 'Sandbox', :key, NULL, 'SANDBOX', 'us-east-1', 1, :today, :yearOn, :yearOn,
                       'ACTIVE', :now, :provider)""")
                .param("id", id)
                .param("provider", owner)
                .param("key", "sandbox " + id)
                .param("today", today())
                .param("yearOn", today().plusYears(1))
                .param("now", StoredTime.of(clock.instant()))
                .update();
        return id;
    }

    private List<Mailbox.Mail> reportsTo(String recipient, UUID customer) {
        String subject = "Usage report: " + name(customer) + " — ";
        return mailbox.to(recipient).stream().filter(mail -> mail.subject().startsWith(subject)).toList();
    }

    private int recordedReports(UUID customer) {
        return jdbc.sql("SELECT COUNT(*) FROM scheduled_usage_report WHERE customer_id = :customer")
                .param("customer", customer).query(Integer.class).single();
    }

    private String name(UUID customer) {
        return jdbc.sql("SELECT account_name FROM customer WHERE id = :id").param("id", customer)
                .query(String.class).single();
    }

    /** The first day of the quarter after today's. */
    private LocalDate nextQuarter() {
        return today().withDayOfMonth(1).withMonth((today().getMonthValue() - 1) / 3 * 3 + 1).plusMonths(3);
    }

    private static String quarterLabel(LocalDate quarter) {
        return "Q" + ((quarter.getMonthValue() - 1) / 3 + 1) + " " + quarter.getYear();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Moves the clock to one in the morning (UTC) of a later day: the job's hour. */
    private void advanceTo(LocalDate day) {
        Duration ahead = Duration.between(clock.instant(), day.atTime(1, 0).toInstant(ZoneOffset.UTC));
        assertThat(ahead).isPositive();
        clock.advance(ahead);
    }

    private static SubmittedUsage usage(UUID customer, String workload, LocalDate day, String credits) {
        return new SubmittedUsage(customer.toString(), workload, day.toString(), null, new BigDecimal(credits));
    }

    private static String plain(BigDecimal amount) {
        return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
    }
}
