package org.mspportal;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two portal processes on one PostgreSQL behind nginx, started by {@code scripts/two-instances.sh}
 * (issue 7): a session begun on one instance goes on on the other, and killing an instance with
 * SIGKILL in the middle of traffic fails no request (nginx retries on the survivor), counts every
 * acknowledged usage batch once and delivers every queued mail once. Maven's failsafe run (after
 * the jar is packaged) runs it; it needs {@code PORTAL_TEST_POSTGRES_URL}, like the PostgreSQL suite.
 */
@Tag("instances")
@ExtendWith(TwoInstancesCondition.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesTests {

    private static final Pattern CODE = Pattern.compile("sign-in code: (\\d{6})");
    private static final Pattern CUSTOMER_ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    /** Usage the test sends lies on days before the demo's year of usage, so its sums are the test's alone. */
    private static final int FIRST_DAY_BACK = 400;
    private static final BigDecimal CREDITS_PER_BATCH = new BigDecimal("2.5");

    private static GreenMail smtp;
    private static TwoInstances instances;
    private static TwoInstances.DemoSignIn demo;
    private static String sessionCookie;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startTwoInstancesBehindNginx() throws Exception {
        int smtpPort = SmtpDelivery.freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
        smtp.start();
        instances = TwoInstances.start(System.getenv(TestDatabase.URL_VARIABLE), smtpPort);
        demo = instances.demoSignIn();
    }

    @AfterAll
    static void stopAll() throws Exception {
        if (instances != null) {
            instances.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    @Order(1)
    void aSessionBegunOnOneInstanceGoesOnOnTheOther() throws Exception {
        PortalClient onInstance1 = new PortalClient(instances.port1);
        onInstance1.get("/sign-in");
        onInstance1.post("/sign-in", "email", demo.email());
        onInstance1.get("/sign-in/password");
        int codesBefore = codesMailedTo(demo.email()).size();
        assertThat(onInstance1.post("/sign-in/password", "password", demo.password()).redirectsTo("/sign-in/code"))
                .as("password accepted").isTrue();
        onInstance1.get("/sign-in/code");
        PortalClient.Page signedIn = onInstance1.post("/sign-in/code", "code", codeMailedAfter(codesBefore));
        assertThat(signedIn.status()).as("signed in").isEqualTo(302);
        assertThat(signedIn.redirectsTo("/sign-in/code")).isFalse();
        sessionCookie = onInstance1.sessionCookie().orElseThrow();

        Answer customersOnInstance2 = get(instances.port2, "/customers", sessionCookie);
        assertThat(customersOnInstance2.status()).as("instance 2 knows the session").isEqualTo(200);
        assertThat(customersOnInstance2.body()).contains(demo.email());
        assertThat(get(instances.port2, "/customers", null).status())
                .as("without the cookie, instance 2 asks for a sign-in").isEqualTo(302);
    }

    @Test
    @Order(2)
    void killingAnInstanceMidTrafficFailsNoRequestAndLosesNoUsageOrMail() throws Exception {
        List<String> customers = customerIds();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> acknowledged = Collections.synchronizedMap(new HashMap<>());
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger afterKill = new AtomicInteger();
        Instant killAt = Instant.now().plusSeconds(4);
        Instant stopAt = killAt.plusSeconds(10);
        AtomicBoolean killed = new AtomicBoolean();

        // A response nginx had begun to pass on when its instance died cannot be retried by any
        // proxy: those few (in flight at the kill) are counted apart, and must have begun before it.
        List<String> cutShort = Collections.synchronizedList(new ArrayList<>());
        ExecutorService traffic = Executors.newFixedThreadPool(3);
        List<Future<?>> workers = new ArrayList<>();
        for (int worker = 0; worker < 3; worker++) {
            workers.add(traffic.submit(() -> {
                while (Instant.now().isBefore(stopAt)) {
                    int n = sent.getAndIncrement();
                    boolean beganAfterKill = killed.get();
                    Answer answer = switch (n % 3) {
                        case 0 -> apiGet("/api/v1/customers?size=5").named("GET /api/v1/customers");
                        case 1 -> get(instances.proxyPort, "/customers", sessionCookie).named("GET /customers");
                        default -> ingest(n, customers, acknowledged);
                    };
                    if (answer.cutShort()) {
                        cutShort.add(answer.what() + (beganAfterKill ? " (began after the kill)" : ""));
                    } else if (answer.status() != 200) {
                        failures.add(answer.what() + ": " + answer.status() + " " + answer.body());
                    }
                    if (beganAfterKill) {
                        afterKill.incrementAndGet();
                    }
                }
                return null;
            }));
        }

        while (Instant.now().isBefore(killAt)) {
            Thread.sleep(50);
        }
        List<Long> mailQueuedBeforeKill = requestPasswordResets(3);
        new ProcessBuilder("kill", "-9", Long.toString(instances.pidOfInstance(1))).start().waitFor();
        killed.set(true);
        for (Future<?> worker : workers) {
            worker.get();
        }
        traffic.shutdown();

        System.out.printf("Two instances: %d requests (%d after the kill), %d passed on by nginx, %d cut short, "
                + "%d usage batches acknowledged%n", sent.get(), afterKill.get(), instances.retriedRequests(),
                cutShort.size(), acknowledged.size());
        assertThat(failures).as("requests that failed despite the proxy's retry").isEmpty();
        assertThat(cutShort).as("responses cut short by the kill").hasSizeLessThanOrEqualTo(3)
                .noneMatch(what -> what.endsWith("(began after the kill)"));
        assertThat(afterKill.get()).as("requests after the kill").isGreaterThan(20);
        assertThat(instances.retriedRequests()).as("requests nginx passed on to the survivor").isPositive();
        assertEveryAcknowledgedBatchCountsOnce(acknowledged);
        assertEveryMailDeliveredOnce(mailQueuedBeforeKill);
    }

    private void assertEveryAcknowledgedBatchCountsOnce(Map<String, Integer> acknowledged) throws Exception {
        assertThat(acknowledged).isNotEmpty();
        LocalDate lastDay = LocalDate.now(ZoneOffset.UTC).minusDays(FIRST_DAY_BACK);
        BigDecimal expected = CREDITS_PER_BATCH.multiply(BigDecimal.valueOf(acknowledged.size()));
        List<Object> stored = instances.withDatabase(connection -> {
            try (var query = connection.prepareStatement("""
                    SELECT (SELECT COUNT(*) FROM usage_record WHERE usage_date <= ?),
                           (SELECT SUM(credits) FROM usage_record WHERE usage_date <= ?),
                           (SELECT SUM(credits) FROM usage_daily WHERE usage_date <= ?)""")) {
                for (int i = 1; i <= 3; i++) {
                    query.setObject(i, lastDay);
                }
                var row = query.executeQuery();
                row.next();
                return List.of(row.getLong(1), row.getBigDecimal(2), row.getBigDecimal(3));
            }
        });
        assertThat(stored.get(0)).as("records stored").isEqualTo((long) acknowledged.size());
        assertThat((BigDecimal) stored.get(1)).as("credits in the records").isEqualByComparingTo(expected);
        assertThat((BigDecimal) stored.get(2)).as("credits in the daily roll-up").isEqualByComparingTo(expected);
    }

    private void assertEveryMailDeliveredOnce(List<Long> queuedBeforeKill) throws Exception {
        assertThat(queuedBeforeKill).hasSize(3);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (pendingMails() > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
        }
        assertThat(pendingMails()).as("mails still pending after the kill").isZero();
        Map<String, Integer> deliveries = new HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            deliveries.merge(message.getHeader("X-Portal-Outbox-Id", null), 1, Integer::sum);
        }
        for (Long id : queuedBeforeKill) {
            assertThat(deliveries.get(Long.toString(id))).as("deliveries of mail " + id).isEqualTo(1);
        }
        assertThat(deliveries.values()).as("every mail received once").allMatch(count -> count == 1);
    }

    /** Queues password-reset mails through the proxy; returns their outbox ids. */
    private List<Long> requestPasswordResets(int count) throws Exception {
        long before = newestMailId();
        PortalClient viaProxy = new PortalClient(instances.proxyPort);
        for (int i = 0; i < count; i++) {
            viaProxy.get("/forgot-password");
            assertThat(viaProxy.post("/forgot-password", "email", demo.email()).status()).isEqualTo(200);
        }
        return instances.withDatabase(connection -> {
            try (var query = connection.prepareStatement("SELECT id FROM outbound_email WHERE id > ? ORDER BY id")) {
                query.setLong(1, before);
                var rows = query.executeQuery();
                List<Long> ids = new ArrayList<>();
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
                return ids;
            }
        });
    }

    private Answer ingest(int n, List<String> customers, Map<String, Integer> acknowledged) {
        // One record a batch, on a (customer, day) of its own: a batch counted twice would show in the sums.
        String customer = customers.get(n % customers.size());
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(FIRST_DAY_BACK + n / customers.size());
        String key = UUID.randomUUID().toString();
        String body = """
                {"records":[{"customerId":"%s","workload":"MICROSOFT_365","date":"%s","credits":%s}]}"""
                .formatted(customer, day, CREDITS_PER_BATCH);
        HttpRequest.Builder request = HttpRequest.newBuilder(proxy("/api/v1/usage"))
                .header("Authorization", "Bearer " + demo.apiKey())
                .header("Idempotency-Key", key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        Answer answer = send(request).named("POST /api/v1/usage");
        if (answer.cutShort()) {
            // What a client holding an Idempotency-Key does when the answer is lost: send it again.
            answer = send(request).named("POST /api/v1/usage, sent again with its key");
        }
        if (answer.status() == 200 && !answer.cutShort()) {
            acknowledged.put(key, n);
        }
        return answer;
    }

    private List<String> customerIds() {
        Answer page = apiGet("/api/v1/customers?size=50");
        assertThat(page.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        Matcher id = CUSTOMER_ID.matcher(page.body());
        while (id.find()) {
            ids.add(id.group(1));
        }
        assertThat(ids).hasSizeGreaterThan(10);
        return ids;
    }

    /**
     * A response as the client saw it: {@code cutShort} when its headers came but the connection
     * closed before its body ended; status -1 when no response came at all.
     */
    record Answer(int status, String body, boolean cutShort, String what) {

        Answer named(String name) {
            return new Answer(status, body, cutShort, name);
        }
    }

    private Answer apiGet(String path) {
        return send(HttpRequest.newBuilder(proxy(path)).header("Authorization", "Bearer " + demo.apiKey()).GET());
    }

    private Answer get(int port, String path, String session) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (session != null) {
            request.header("Cookie", "SESSION=" + session);
        }
        return send(request);
    }

    private URI proxy(String path) {
        return URI.create("http://127.0.0.1:" + instances.proxyPort + path);
    }

    private Answer send(HttpRequest.Builder request) {
        AtomicInteger status = new AtomicInteger(-1);
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(), info -> {
                status.set(info.statusCode());
                return HttpResponse.BodySubscribers.ofString(java.nio.charset.StandardCharsets.UTF_8);
            });
            return new Answer(response.statusCode(), response.body(), false, "");
        } catch (java.io.IOException failure) {
            return new Answer(status.get(), failure.toString(), status.get() != -1, "");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
    }

    private String codeMailedAfter(int codesBefore) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            List<String> codes = codesMailedTo(demo.email());
            if (codes.size() > codesBefore) {
                return codes.get(codes.size() - 1);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No sign-in code mailed to " + demo.email());
    }

    /** The codes of the sign-in code mails the SMTP server received for the recipient, oldest first. */
    private static List<String> codesMailedTo(String recipient) {
        List<String> codes = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                Matcher code = CODE.matcher(String.valueOf(message.getSubject()));
                if (SmtpDelivery.addressedTo(message, recipient) && code.find()) {
                    codes.add(code.group(1));
                }
            } catch (jakarta.mail.MessagingException unreadable) {
                throw new AssertionError(unreadable);
            }
        }
        return codes;
    }

    private long pendingMails() throws Exception {
        return instances.withDatabase(connection -> {
            var rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM outbound_email WHERE status = 'PENDING'");
            rows.next();
            return rows.getLong(1);
        });
    }

    private long newestMailId() throws Exception {
        return instances.withDatabase(connection -> {
            var rows = connection.createStatement().executeQuery("SELECT COALESCE(MAX(id), 0) FROM outbound_email");
            rows.next();
            return rows.getLong(1);
        });
    }
}
