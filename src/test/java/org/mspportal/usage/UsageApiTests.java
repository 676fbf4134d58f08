package org.mspportal.usage;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mspportal.DatabaseTest;
import org.mspportal.TestMsps;
import org.mspportal.customers.CustomerManagement;
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
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Usage ingestion through {@code POST /api/v1/usage}, with real API keys, as a metering system sends it. */
@DatabaseTest
@AutoConfigureMockMvc
class UsageApiTests {

    private static final long TERABYTE = 1_000_000_000_000L;

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired ServicePlanManagement plans;
    @Autowired ApiKeyManagement keys;

    UUID provider;
    UUID business;
    UUID elite;
    UUID customer;
    String ingestKey;
    LocalDate today;

    @BeforeEach
    void anMspWithACustomerAndAnIngestKey() {
        provider = new TestMsps(jdbc, clock).provider();
        TestMsps.actAs(new TestMsps(jdbc, clock).stored(provider, Role.MSP_ADMINISTRATOR));
        business = plan("Business", Edition.BUSINESS);
        elite = plan("Elite", Edition.ELITE);
        ingestKey = keys.create("Metering", EnumSet.of(ApiKeyScope.USAGE_INGEST)).secret();
        TestMsps.actAsNobody();
        customer = new TestCustomers(jdbc, clock).onPlan(provider, business);
        today = LocalDate.now(clock);
    }

    @AfterEach
    void signOut() {
        TestMsps.actAsNobody();
    }

    @Test
    void aBatchIsStoredAndRolledUpPerDayAndEditionWithHybridAndSaasApart() throws Exception {
        UUID other = new TestCustomers(jdbc, clock).onPlan(provider, elite);

        send(batch(credits(customer, "VMWARE", today, "2.5"), credits(customer, "MICROSOFT_365", today, "1.25"),
                credits(other, "ENDPOINTS", today.minusDays(1), "4")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(3))
                .andExpect(jsonPath("$.replaced").value(0))
                .andExpect(jsonPath("$.credits").value(7.75));

        assertThat(recordsStored()).isEqualTo(3);
        assertThat(daily(customer, today)).containsExactly(new Rolled("BUSINESS", "2.500000", "1.250000", "3.750000"));
        assertThat(daily(other, today.minusDays(1))).containsExactly(new Rolled("ELITE", "0.000000", "4.000000", "4.000000"));
    }

    @Test
    void creditsAreComputedFromStoredBytesAsTerabyteMonthsMeteredDaily() throws Exception {
        send(batch(bytes(customer, "NAS", today, TERABYTE))).andExpect(status().isOk());

        BigDecimal perDay = recordedCredits(customer, "NAS", today);
        assertThat(perDay).isEqualByComparingTo("0.032873");
        assertThat(perDay.multiply(new BigDecimal("30.42")).doubleValue()).isCloseTo(1.0, within(0.00001));
        assertThat(jdbc.sql("SELECT stored_bytes FROM usage_record WHERE customer_id = :customer")
                .param("customer", customer).query(Long.class).single()).isEqualTo(TERABYTE);
    }

    @Test
    void whenBothAreSentCreditsWinOverStoredBytes() throws Exception {
        send(batch(record(customer, "NAS", today, TERABYTE, "7"))).andExpect(status().isOk());

        assertThat(recordedCredits(customer, "NAS", today)).isEqualByComparingTo("7");
    }

    @Test
    void creditsAreRoundedToSixDecimalsEvenFromAFarNegativeExponent() throws Exception {
        send(batch(credits(customer, "NAS", today, "1e-999999999"), credits(customer, "VMWARE", today, "0.0000015")))
                .andExpect(status().isOk());

        assertThat(recordedCredits(customer, "NAS", today)).isEqualByComparingTo("0");
        assertThat(recordedCredits(customer, "VMWARE", today)).isEqualByComparingTo("0.000002");
    }

    @Test
    void aBatchSentAgainWithTheSameIdempotencyKeyCountsOnceAndGetsTheFirstAnswer() throws Exception {
        String batch = batch(credits(customer, "VMWARE", today, "3"));
        String first = send(batch, "meter-2024-06-01").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        String again = send(batch, "meter-2024-06-01")
                .andExpect(status().isOk())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andReturn().getResponse().getContentAsString();

        assertThat((Integer) JsonPath.read(again, "$.accepted")).isEqualTo(JsonPath.read(first, "$.accepted"));
        assertThat(recordsStored()).isEqualTo(1);
        assertThat(daily(customer, today)).extracting(Rolled::credits).containsExactly("3.000000");
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBatchIsRefused() throws Exception {
        send(batch(credits(customer, "VMWARE", today, "3")), "meter-1").andExpect(status().isOk());

        send(batch(credits(customer, "VMWARE", today, "4")), "meter-1")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("Idempotency-Key"));
        assertThat(recordedCredits(customer, "VMWARE", today)).isEqualByComparingTo("3");
    }

    @Test
    void aLaterRecordForTheSameCustomerWorkloadAndDayReplacesTheEarlierOne() throws Exception {
        send(batch(credits(customer, "VMWARE", today, "3"), credits(customer, "NAS", today, "1")))
                .andExpect(status().isOk());

        send(batch(credits(customer, "VMWARE", today, "5")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replaced").value(1));

        assertThat(recordsStored()).isEqualTo(2);
        assertThat(recordedCredits(customer, "VMWARE", today)).isEqualByComparingTo("5");
        assertThat(daily(customer, today)).containsExactly(new Rolled("BUSINESS", "6.000000", "0.000000", "6.000000"));
    }

    static Stream<Arguments> invalidRecords() {
        String day = "\"date\": \"" + LocalDate.now() + "\"";
        return Stream.of(
                Arguments.of("{\"customerId\": \"" + UUID.randomUUID() + "\", \"workload\": \"NAS\", " + day
                        + ", \"credits\": 1}", "customerId", "No customer of yours has this id."),
                Arguments.of("{\"customerId\": \"not-an-id\", \"workload\": \"NAS\", " + day + ", \"credits\": 1}",
                        "customerId", "No customer of yours has this id."),
                Arguments.of("{\"workload\": \"NAS\", " + day + ", \"credits\": 1}", "customerId",
                        "Send the customer's id."),
                Arguments.of("{\"customerId\": \"%s\", \"workload\": \"TAPE\", " + day + ", \"credits\": 1}",
                        "workload", "Unknown workload \"TAPE\". Use one of: FILE_SERVERS, MS_SQL, NAS, ORACLE, "
                                + "VMWARE, MICROSOFT_365, GOOGLE_WORKSPACE, ENDPOINTS."),
                Arguments.of("{\"customerId\": \"%s\", \"workload\": \"NAS\", \"date\": \"2024-02-30\", \"credits\": 1}",
                        "date", "\"2024-02-30\" is not a day; send YYYY-MM-DD."),
                Arguments.of("{\"customerId\": \"%s\", \"workload\": \"NAS\", \"credits\": 1}", "date",
                        "Send the day of the usage, as YYYY-MM-DD."),
                Arguments.of("{\"customerId\": \"%s\", \"workload\": \"NAS\", \"date\": \"" + LocalDate.now().plusDays(2)
                        + "\", \"credits\": 1}", "date", "The day is in the future; send usage of today (UTC) or earlier."),
                Arguments.of("{\"customerId\": \"%s\", \"workload\": \"NAS\", \"date\": \""
                        + LocalDate.now().minusYears(2).minusDays(2) + "\", \"credits\": 1}", "date",
                        "The day is more than two years ago; usage is accepted for the last two years."),
                Arguments.of("{\"customerId\": \"%s\", \"workload\": \"NAS\", " + day + ", \"storedBytes\": -1}",
                        "storedBytes", "Stored bytes cannot be negative."),
                Arguments.of("{\"customerId\": \"%s\", \"workload\": \"NAS\", " + day + ", \"storedBytes\": 1.5}",
                        "storedBytes", "Send stored bytes as a whole number."),
                Arguments.of("{\"customerId\": \"%s\", \"workload\": \"NAS\", " + day + ", \"credits\": -0.5}",
                        "credits", "Credits cannot be negative."),
                Arguments.of("{\"customerId\": \"%s\", \"workload\": \"NAS\", " + day + "}", "credits",
                        "Send credits, storedBytes or both."),
                Arguments.of("{\"customerId\": \"%s\", \"workload\": \"VMWARE\", " + day + ", \"credits\": 1}", "date",
                        "Record 0 already has this customer's usage of this workload on this day; send each day once."));
    }

    @ParameterizedTest
    @MethodSource("invalidRecords")
    void anInvalidRecordRefusesTheWholeBatchNamingItsIndexAndField(String invalid, String field, String message)
            throws Exception {
        send(batch(credits(customer, "VMWARE", today, "1"), invalid.replace("%s", customer.toString())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errorCount").value(1))
                .andExpect(jsonPath("$.errors[0].index").value(1))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").value(message));

        assertThat(recordsStored()).isZero();
        assertThat(rollUpRows()).isZero();
    }

    @Test
    void everyInvalidRecordIsListed() throws Exception {
        send(batch(credits(customer, "TAPE", today, "1"), credits(customer, "NAS", today, "1"),
                record(customer, "NAS", today.plusDays(3), -1, "-1")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errorCount").value(4))
                .andExpect(jsonPath("$.errors[*].index").value(org.hamcrest.Matchers.contains(0, 2, 2, 2)))
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.contains("workload", "date", "storedBytes", "credits")));
    }

    @Test
    void anotherMspsCustomerIsRefusedExactlyLikeAnUnknownId() throws Exception {
        UUID otherMsp = new TestMsps(jdbc, clock).provider();
        TestMsps.actAs(otherMsp, Role.MSP_ADMINISTRATOR);
        UUID theirPlan = plan("Theirs", Edition.ELITE);
        TestMsps.actAsNobody();
        UUID theirs = new TestCustomers(jdbc, clock).onPlan(otherMsp, theirPlan);

        String refusedTheirs = send(batch(credits(theirs, "NAS", today, "1"))).andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();
        String refusedUnknown = send(batch(credits(UUID.randomUUID(), "NAS", today, "1")))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();

        assertThat(refusedTheirs).isEqualTo(refusedUnknown);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM usage_record WHERE customer_id = :theirs").param("theirs", theirs)
                .query(Long.class).single()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"READ", "WRITE"})
    void aKeyWithoutTheUsageIngestScopeIsForbidden(ApiKeyScope scope) throws Exception {
        TestMsps.actAs(new TestMsps(jdbc, clock).stored(provider, Role.MSP_ADMINISTRATOR));
        String other = keys.create("Other", EnumSet.of(scope)).secret();
        TestMsps.actAsNobody();

        mvc.perform(post("/api/v1/usage").contentType(MediaType.APPLICATION_JSON)
                        .content(batch(credits(customer, "NAS", today, "1"))).header("Authorization", "Bearer " + other))
                .andExpect(status().isForbidden());
        assertThat(recordsStored()).isZero();
    }

    @Test
    void withoutAKeyTheRequestIsUnauthorized() throws Exception {
        mvc.perform(post("/api/v1/usage").contentType(MediaType.APPLICATION_JSON)
                        .content(batch(credits(customer, "NAS", today, "1"))))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aPlanChangeFilesOnlyTheDayOfTheChangeAndLaterUnderTheNewEdition(@Autowired CustomerManagement customers)
            throws Exception {
        send(batch(credits(customer, "NAS", today.minusDays(2), "1"))).andExpect(status().isOk());

        TestMsps.actAs(provider, Role.MSP_ADMINISTRATOR);
        customers.changePlan(customer, elite, 0);
        TestMsps.actAsNobody();
        send(batch(credits(customer, "NAS", today.minusDays(1), "2"), credits(customer, "NAS", today, "3")))
                .andExpect(status().isOk());

        assertThat(recordedEdition(today.minusDays(2))).isEqualTo("BUSINESS");
        assertThat(recordedEdition(today.minusDays(1))).isEqualTo("BUSINESS");
        assertThat(recordedEdition(today)).isEqualTo("ELITE");
        assertThat(daily(customer, today.minusDays(1))).extracting(Rolled::edition).containsExactly("BUSINESS");
        assertThat(daily(customer, today)).extracting(Rolled::edition).containsExactly("ELITE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SUSPENDED", "MIGRATION_IN_PROGRESS"})
    void aCustomerThatIsSuspendedOrBeingMigratedStillIngests(String status) throws Exception {
        UUID locked = new TestCustomers(jdbc, clock).onPlan(provider, business, status);

        send(batch(credits(locked, "MICROSOFT_365", today, "2"))).andExpect(status().isOk());

        assertThat(recordedCredits(locked, "MICROSOFT_365", today)).isEqualByComparingTo("2");
    }

    @Test
    void theRollUpsTotalTheRecordsAfterAdditionsAndReplacements() throws Exception {
        UUID other = new TestCustomers(jdbc, clock).onPlan(provider, elite);
        send(batch(credits(customer, "VMWARE", today.minusDays(40), "1.1"), bytes(customer, "NAS", today, 3 * TERABYTE),
                credits(other, "GOOGLE_WORKSPACE", today.minusDays(1), "0.333333"), credits(other, "ORACLE", today, "9")))
                .andExpect(status().isOk());
        send(batch(credits(customer, "VMWARE", today.minusDays(40), "0.4"), credits(other, "ORACLE", today, "2"),
                credits(other, "ENDPOINTS", today, "5.5"))).andExpect(status().isOk());

        BigDecimal records = sum("SELECT SUM(credits) FROM usage_record WHERE provider_id = :provider");
        assertThat(sum("SELECT SUM(credits) FROM usage_daily WHERE provider_id = :provider")).isEqualByComparingTo(records);
        assertThat(sum("SELECT SUM(credits) FROM usage_monthly WHERE provider_id = :provider"))
                .isEqualByComparingTo(records);
        assertThat(sum("SELECT SUM(hybrid_credits) + SUM(saas_credits) FROM usage_daily WHERE provider_id = :provider"))
                .isEqualByComparingTo(records);
        assertThat(records).isEqualByComparingTo(new BigDecimal("0.4").add(recordedCredits(customer, "NAS", today))
                .add(new BigDecimal("0.333333")).add(new BigDecimal("2")).add(new BigDecimal("5.5")));
    }

    @Test
    void aBatchOfTenThousandRecordsIsStored() throws Exception {
        send(batch(manyRecords(10_000))).andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(10_000));

        assertThat(recordsStored()).isEqualTo(10_000);
        assertThat(sum("SELECT SUM(credits) FROM usage_daily WHERE provider_id = :provider"))
                .isEqualByComparingTo("10000");
    }

    @Test
    void aBatchOfTenThousandAndOneRecordsIsRefused() throws Exception {
        send(batch(manyRecords(10_001)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("records"))
                .andExpect(jsonPath("$.errors[0].index").doesNotExist())
                .andExpect(jsonPath("$.detail").value("Send at most 10 000 records in one batch; this one has 10001."));

        assertThat(recordsStored()).isZero();
    }

    @Test
    void anEmptyBatchIsRefused() throws Exception {
        send("{\"records\": []}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("records"));
    }

    /** Distinct customer, workload and day for each record, one credit each, over a few customers. */
    private String[] manyRecords(int count) {
        List<UUID> customers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            customers.add(new TestCustomers(jdbc, clock).onPlan(provider, i % 2 == 0 ? business : elite));
        }
        Workload[] workloads = Workload.values();
        String[] records = new String[count];
        for (int i = 0; i < count; i++) {
            int day = i / (customers.size() * workloads.length);
            int rest = i % (customers.size() * workloads.length);
            records[i] = credits(customers.get(rest / workloads.length), workloads[rest % workloads.length].name(),
                    today.minusDays(day), "1");
        }
        return records;
    }

    record Rolled(String edition, String hybrid, String saas, String credits) {
    }

    private List<Rolled> daily(UUID customer, LocalDate day) {
        return jdbc.sql("""
                SELECT edition, hybrid_credits, saas_credits, credits FROM usage_daily
                 WHERE customer_id = :customer AND usage_date = :day ORDER BY edition""")
                .param("customer", customer)
                .param("day", day)
                .query((rs, n) -> new Rolled(rs.getString("edition"), rs.getBigDecimal("hybrid_credits").toPlainString(),
                        rs.getBigDecimal("saas_credits").toPlainString(), rs.getBigDecimal("credits").toPlainString()))
                .list();
    }

    private BigDecimal recordedCredits(UUID customer, String workload, LocalDate day) {
        return jdbc.sql("SELECT credits FROM usage_record WHERE customer_id = :customer AND workload = :workload"
                        + " AND usage_date = :day")
                .param("customer", customer).param("workload", workload).param("day", day)
                .query(BigDecimal.class).single();
    }

    private String recordedEdition(LocalDate day) {
        return jdbc.sql("SELECT edition FROM usage_record WHERE customer_id = :customer AND usage_date = :day")
                .param("customer", customer).param("day", day)
                .query(String.class).single();
    }

    private long recordsStored() {
        return jdbc.sql("SELECT COUNT(*) FROM usage_record WHERE provider_id = :provider").param("provider", provider)
                .query(Long.class).single();
    }

    private long rollUpRows() {
        return jdbc.sql("SELECT (SELECT COUNT(*) FROM usage_daily WHERE provider_id = :provider)"
                        + " + (SELECT COUNT(*) FROM usage_monthly WHERE provider_id = :provider)")
                .param("provider", provider).query(Long.class).single();
    }

    private BigDecimal sum(String sql) {
        return jdbc.sql(sql).param("provider", provider).query(BigDecimal.class).single();
    }

    private UUID plan(String name, Edition edition) {
        return plans.create(new CreateServicePlan(name, edition, UsageReportFrequency.MONTHLY,
                EnumSet.allOf(Workload.class))).id();
    }

    private ResultActions send(String body) throws Exception {
        return send(body, null);
    }

    private ResultActions send(String body, String idempotencyKey) throws Exception {
        MockHttpServletRequestBuilder request = post("/api/v1/usage").contentType(MediaType.APPLICATION_JSON)
                .content(body).header("Authorization", "Bearer " + ingestKey);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return mvc.perform(request);
    }

    private static String batch(String... records) {
        return Stream.of(records).collect(Collectors.joining(",\n", "{\"records\": [", "]}"));
    }

    private static String credits(UUID customer, String workload, LocalDate day, String credits) {
        return "{\"customerId\": \"" + customer + "\", \"workload\": \"" + workload + "\", \"date\": \"" + day
                + "\", \"credits\": " + credits + "}";
    }

    private static String bytes(UUID customer, String workload, LocalDate day, long bytes) {
        return "{\"customerId\": \"" + customer + "\", \"workload\": \"" + workload + "\", \"date\": \"" + day
                + "\", \"storedBytes\": " + bytes + "}";
    }

    private static String record(UUID customer, String workload, LocalDate day, long bytes, String credits) {
        return "{\"customerId\": \"" + customer + "\", \"workload\": \"" + workload + "\", \"date\": \"" + day
                + "\", \"storedBytes\": " + bytes + ", \"credits\": " + credits + "}";
    }
}
