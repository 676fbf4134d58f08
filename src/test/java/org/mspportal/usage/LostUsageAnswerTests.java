package org.mspportal.usage;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.DroppingProxy;
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
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A metering client whose connection breaks during {@code POST /api/v1/usage} retries the batch
 * with the same Idempotency-Key, as docs/api.md tells it to. Whether the portal had stored the batch
 * (the answer was lost on the way back, as when the portal or a proxy dies after the commit) or not
 * (the request never arrived whole), the batch counts once. Over real HTTP through {@link DroppingProxy}.
 */
@DatabaseTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LostUsageAnswerTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired ServicePlanManagement plans;
    @Autowired ApiKeyManagement keys;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    UUID provider;
    UUID customer;
    String ingestKey;
    String batch;

    @BeforeEach
    void anMspWithACustomerAndAnIngestKey() {
        provider = new TestMsps(jdbc, clock).provider();
        TestMsps.actAs(new TestMsps(jdbc, clock).stored(provider, Role.MSP_ADMINISTRATOR));
        try {
            UUID plan = plans.create(new CreateServicePlan("Business", Edition.BUSINESS, UsageReportFrequency.MONTHLY,
                    EnumSet.allOf(Workload.class))).id();
            ingestKey = keys.create("Metering", EnumSet.of(ApiKeyScope.USAGE_INGEST)).secret();
            customer = new TestCustomers(jdbc, clock).onPlan(provider, plan);
        } finally {
            TestMsps.actAsNobody();
        }
        LocalDate today = LocalDate.now(clock);
        batch = "{\"records\": [" + credits("VMWARE", today, "3") + ", " + credits("NAS", today.minusDays(1), "2") + "]}";
    }

    @Test
    void aBatchStoredButNeverAcknowledgedCountsOnceWhenRetriedWithTheSameKey() throws Exception {
        try (DroppingProxy proxy = new DroppingProxy(port, DroppingProxy.Drop.ANSWER)) {
            assertThatThrownBy(() -> send(proxy.port(), "meter-run-41")).isInstanceOf(IOException.class);
            proxy.awaitDropped();
        }
        List<UUID> storedBy = batchesStored();
        assertThat(storedBy).as("the portal committed before the answer was lost").hasSize(1);

        HttpResponse<String> retry = send(port, "meter-run-41");

        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat((Integer) JsonPath.read(retry.body(), "$.accepted")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(retry.body(), "$.replaced")).as("the first answer, not a second run's")
                .isZero();
        assertThat(recordsStored()).isEqualTo(2);
        assertThat(batchesStored()).as("the records are still the first attempt's").isEqualTo(storedBy);
        assertThat(creditsRolledUp()).isEqualByComparingTo("5");
    }

    @Test
    void aBatchThatNeverArrivedWholeIsStoredOnceByTheRetry() throws Exception {
        try (DroppingProxy proxy = new DroppingProxy(port, DroppingProxy.Drop.REQUEST)) {
            assertThatThrownBy(() -> send(proxy.port(), "meter-run-42")).isInstanceOf(IOException.class);
            proxy.awaitDropped();
        }
        assertThat(recordsStored()).isZero();

        HttpResponse<String> retry = send(port, "meter-run-42");
        HttpResponse<String> again = send(port, "meter-run-42");

        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).as("the retry did the work").isEmpty();
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(again.body()).isEqualTo(retry.body());
        assertThat(recordsStored()).isEqualTo(2);
        assertThat(batchesStored()).hasSize(1);
        assertThat(creditsRolledUp()).isEqualByComparingTo("5");
    }

    private HttpResponse<String> send(int toPort, String idempotencyKey) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + toPort + "/api/v1/usage"))
                .header("Authorization", "Bearer " + ingestKey)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(batch))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private long recordsStored() {
        return jdbc.sql("SELECT COUNT(*) FROM usage_record WHERE customer_id = :customer")
                .param("customer", customer).query(Long.class).single();
    }

    /** Which ingestions wrote the customer's records: a second run would have replaced them under a new id. */
    private List<UUID> batchesStored() {
        return jdbc.sql("SELECT DISTINCT batch_id FROM usage_record WHERE customer_id = :customer")
                .param("customer", customer).query(UUID.class).list();
    }

    private BigDecimal creditsRolledUp() {
        return jdbc.sql("SELECT COALESCE(SUM(credits), 0) FROM usage_daily WHERE customer_id = :customer")
                .param("customer", customer).query(BigDecimal.class).single();
    }

    private String credits(String workload, LocalDate day, String credits) {
        return "{\"customerId\": \"" + customer + "\", \"workload\": \"" + workload + "\", \"date\": \"" + day
                + "\", \"credits\": " + credits + "}";
    }
}
