package org.mspportal.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mspportal.PortalClient;
import org.mspportal.PrivatePostgresql;
import org.mspportal.TestMsps;
import org.mspportal.identity.ApiKeyManagement;
import org.mspportal.identity.ApiKeyScope;
import org.mspportal.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL killed and started again while clients keep sending requests: meanwhile every request
 * fails cleanly and soon (503 with Retry-After, problem+json for the API, a plain page for pages,
 * never a 500 or a stack trace), and the same running portal answers normally once the database
 * is back. On a private cluster, since the machine's own server is shared.
 */
@Tag("database")
@ExtendWith(PrivatePostgresql.Available.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext
class DatabaseOutageTests {

    /** Hikari's connection-timeout (application.yml) and generous room for a loaded 2-core machine. */
    private static final Duration FAILS_WITHIN = Duration.ofSeconds(12);

    /** Two clients per kind: two answers in a row are the answers to both. */
    private static final int IN_A_ROW = 2;

    private static PrivatePostgresql database;

    @DynamicPropertySource
    static void privateCluster(DynamicPropertyRegistry properties) {
        database = PrivatePostgresql.start();
        properties.add("spring.datasource.url", database::jdbcUrl);
    }

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired ApiKeyManagement keys;

    enum Kind { API, PAGE }

    record Outcome(Kind kind, int status, String contentType, String retryAfter, String body, Duration took) {
    }

    private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);

    @Test
    void whileTheDatabaseIsDownRequestsGet503AndOnceItIsBackThePortalAnswersWithoutARestart() throws Exception {
        String apiKey = readKey();
        PortalClient browser = new PortalClient(port);
        assertThat(browser.get("/sign-in").status()).isEqualTo(200);
        String session = browser.sessionCookie().orElseThrow(() -> new AssertionError("no session, kept in the database"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 2; i++) {
            clients.submit(() -> keepSending(Kind.API, () -> customers(http, apiKey)));
            clients.submit(() -> keepSending(Kind.PAGE, () -> signInPage(http, session)));
        }
        try {
            awaitOutcomes(200, Duration.ofSeconds(30));

            database.stopImmediately();
            outcomes.clear();
            awaitOutcomes(503, Duration.ofSeconds(60));
            List<Outcome> duringOutage = List.copyOf(outcomes);

            database.startAgain();
            outcomes.clear();
            awaitOutcomes(200, Duration.ofSeconds(60));

            assertThat(duringOutage).allSatisfy(outcome -> assertThat(outcome.status()).isIn(200, 503));
            assertThat(duringOutage).filteredOn(outcome -> outcome.status() == 503).allSatisfy(this::failedCleanly);
        } finally {
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(outcomes).as("after the restart").allSatisfy(outcome -> assertThat(outcome.status()).isIn(200, 503));
        assertThat(customers(http, apiKey).status()).isEqualTo(200);
        assertThat(signInPage(http, session).status()).isEqualTo(200);
    }

    private void failedCleanly(Outcome outcome) {
        assertThat(outcome.retryAfter()).as("Retry-After").isNotBlank();
        assertThat(outcome.took()).as("failed fast").isLessThan(FAILS_WITHIN);
        assertThat(outcome.body()).doesNotContain("Exception").doesNotContain("at org.");
        if (outcome.kind() == Kind.API) {
            assertThat(outcome.contentType()).startsWith("application/problem+json");
            assertThat(outcome.body()).contains("\"status\":503");
        } else {
            assertThat(outcome.contentType()).startsWith("text/html");
            assertThat(outcome.body()).contains("back in a moment");
        }
    }

    /** Waits until both kinds of request have been answered with the status a few times in a row. */
    private void awaitOutcomes(int status, Duration deadline) {
        await().atMost(deadline).pollInterval(Duration.ofMillis(200)).until(() ->
                EnumSet.allOf(Kind.class).stream().allMatch(kind -> lastOf(kind, IN_A_ROW).size() == IN_A_ROW
                        && lastOf(kind, IN_A_ROW).stream().allMatch(outcome -> outcome.status() == status)));
    }

    private List<Outcome> lastOf(Kind kind, int count) {
        List<Outcome> ofKind = outcomes.stream().filter(outcome -> outcome.kind() == kind).toList();
        return ofKind.subList(Math.max(0, ofKind.size() - count), ofKind.size());
    }

    private void keepSending(Kind kind, Supplier<Outcome> request) {
        while (running.get()) {
            outcomes.add(request.get());
            pause();
        }
    }

    private Outcome customers(HttpClient http, String apiKey) {
        return send(http, Kind.API, "/api/v1/customers", "Authorization", "Bearer " + apiKey);
    }

    /** The sign-in page of a browser that has a session: the session is read from the database. */
    private Outcome signInPage(HttpClient http, String session) {
        return send(http, Kind.PAGE, "/sign-in", "Cookie", "SESSION=" + session);
    }

    private Outcome send(HttpClient http, Kind kind, String path, String header, String value) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header(header, value).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            return new Outcome(kind, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(""), response.body(), since(start));
        } catch (Exception failed) {
            return new Outcome(kind, -1, "", "", failed.toString(), since(start));
        }
    }

    private String readKey() {
        TestMsps msps = new TestMsps(jdbc, clock);
        TestMsps.actAs(msps.stored(msps.provider(), Role.MSP_ADMINISTRATOR));
        try {
            return keys.create("Dashboard", EnumSet.of(ApiKeyScope.READ)).secret();
        } finally {
            TestMsps.actAsNobody();
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static void pause() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
