package org.mspportal.customers;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.mspportal.DatabaseTest;
import org.mspportal.Mailbox;
import org.mspportal.PortalClient;
import org.mspportal.TestMsps;
import org.mspportal.identity.ApiKeyManagement;
import org.mspportal.identity.ApiKeyScope;
import org.mspportal.identity.Role;
import org.mspportal.identity.SignedInAdministrator;
import org.mspportal.plans.CreateServicePlan;
import org.mspportal.plans.Edition;
import org.mspportal.plans.ServicePlanManagement;
import org.mspportal.plans.UsageReportFrequency;
import org.mspportal.plans.Workload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4's figure: the Customers page and {@code GET /api/v1/customers} with 10 000 customers in
 * one MSP (and as many in another, so the MSP filter has work to do), on PostgreSQL. Prints p50,
 * p95 and p99 of each request type, measured end to end over HTTP on loopback; asserts only that
 * every answer was a 200. Run by {@code bench/customer-list.sh}; skipped otherwise.
 */
@DatabaseTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@EnabledIfSystemProperty(named = "portal.benchmark", matches = "true")
@EnabledIfSystemProperty(named = "portal.test.database", matches = "postgresql")
class CustomerListBenchmark {

    private static final int CUSTOMERS = 10_000;
    private static final int WARM_UP = 300;
    private static final int MEASURED = 1_000;
    private static final String PASSWORD = "correct horse battery staple";
    private static final String[] WORDS = {"Acme", "株式会社", "شركة", "Globex", "Café", "Initech", "Umbrella",
        "Backup 🚀", "Nordic", "Müller", "Stark", "Wayne", "Tyrell", "Oceanic", "Soylent"};

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate jdbcTemplate;
    @Autowired Clock clock;
    @Autowired ServicePlanManagement plans;
    @Autowired ApiKeyManagement apiKeys;
    @Autowired CustomerManagement customers;
    @Autowired PasswordEncoder passwords;

    private final Random random = new Random(42);

    @Test
    void customersPageAndApiWithTenThousandCustomers() throws Exception {
        UUID provider = mspWithCustomers();
        mspWithCustomers();
        String email = activeAdministrator(provider);
        String apiKey = readKey(provider);
        PortalClient browser = signedIn(email);
        HttpClient http = HttpClient.newHttpClient();
        int pages = CUSTOMERS / 50;

        List<String> report = new ArrayList<>();
        report.add(String.format(Locale.ROOT, "Customers: %,d in the MSP measured, %,d in another; %d requests each"
                + " after %d warm-up; ms end to end over loopback HTTP", CUSTOMERS, CUSTOMERS, MEASURED, WARM_UP));
        report.add(measure("page  /customers (first page)", i -> page(browser, "/customers")));
        report.add(measure("page  /customers?page=random", i -> page(browser, "/customers?page=" + random.nextInt(pages))));
        report.add(measure("page  /customers?q=<text>&sort=licence", i -> page(browser,
                "/customers?q=" + encoded(WORDS[i % WORDS.length]) + "&sort=licence")));
        report.add(measure("api   /api/v1/customers?page=random", i -> api(http, apiKey,
                "/api/v1/customers?size=50&page=" + random.nextInt(pages))));
        report.add(measure("api   /api/v1/customers?q=<text>&sort=licence", i -> api(http, apiKey,
                "/api/v1/customers?size=50&sort=licenseExpiryDate&q=" + encoded(WORDS[i % WORDS.length]))));
        report.forEach(System.out::println);
        Path out = Path.of("target", "benchmarks", "customer-list.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
    }

    /** Runs the request WARM_UP + MEASURED times and gives the percentiles of the measured ones. */
    private String measure(String name, IntFunction<Integer> request) {
        for (int i = 0; i < WARM_UP; i++) {
            assertThat(request.apply(i)).as(name).isEqualTo(200);
        }
        long[] nanos = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            int status = request.apply(i);
            nanos[i] = System.nanoTime() - start;
            assertThat(status).as(name).isEqualTo(200);
        }
        Arrays.sort(nanos);
        return String.format(Locale.ROOT, "%-42s p50 %6.2f  p95 %6.2f  p99 %6.2f ms", name,
                percentile(nanos, 50), percentile(nanos, 95), percentile(nanos, 99));
    }

    private static double percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }

    private static int page(PortalClient browser, String path) {
        return browser.get(path).status();
    }

    private int api(HttpClient http, String key, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode();
        } catch (IOException | InterruptedException failed) {
            throw new IllegalStateException(failed);
        }
    }

    private static String encoded(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** An MSP with six plans and CUSTOMERS customers, inserted in batches (the façade would take minutes). */
    private UUID mspWithCustomers() {
        UUID provider = new TestMsps(jdbc, clock).provider();
        TestMsps.actAs(provider, Role.MSP_ADMINISTRATOR);
        List<UUID> planIds = new ArrayList<>();
        for (Edition edition : Edition.values()) {
            for (int n = 1; n <= 2; n++) {
                planIds.add(plans.create(new CreateServicePlan(edition.label() + " " + n, edition,
                        UsageReportFrequency.MONTHLY, EnumSet.of(Workload.VMWARE, Workload.MICROSOFT_365))).id());
            }
        }
        List<String> regions = customers.storageRegions().stream().map(StorageRegion::id).toList();
        TestMsps.actAsNobody();
        LocalDate today = LocalDate.now(clock);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            String name = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " "
                    + String.format(Locale.ROOT, "%05d", i);
            boolean evaluation = i % 4 == 0;
            rows.add(new Object[] {UUID.randomUUID(), provider, name, new AccountName(name).key(),
                WORDS[random.nextInt(WORDS.length)] + " Holdings", planIds.get(i % planIds.size()),
                evaluation ? "EVALUATION" : "COMMERCIAL", evaluation ? Date.valueOf(today) : null,
                evaluation ? Date.valueOf(today.plusDays(30)) : null, regions.get(i % regions.size()),
                new BigDecimal(10 + i % 500), Date.valueOf(today), Date.valueOf(today.plusYears(1)),
                Date.valueOf(today.plusDays(random.nextInt(700) - 100)), i % 10 == 0 ? "SUSPENDED" : "ACTIVE",
                Timestamp.from(clock.instant())});
        }
        jdbcTemplate.batchUpdate("""
                INSERT INTO customer (id, provider_id, account_name, name_key, organization_name, service_plan_id,
                       tenant_type, evaluation_starts_on, evaluation_ends_on, storage_region, credit_quota,
                       quota_effective_date, quota_end_date, licence_expiry_date, status, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        jdbc.sql("ANALYZE customer").update();
        return provider;
    }

    private String activeAdministrator(UUID provider) {
        String email = "bench-" + UUID.randomUUID() + "@msp.example";
        jdbc.sql("""
                INSERT INTO account (id, provider_id, email, display_name, role, status, password_hash, created_at,
                       activated_at)
                VALUES (:id, :provider, :email, 'Benchmark administrator', 'MSP_ADMINISTRATOR', 'ACTIVE', :hash,
                       :now, :now)""")
                .param("id", UUID.randomUUID())
                .param("provider", provider)
                .param("email", email)
                .param("hash", passwords.encode(PASSWORD))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return email;
    }

    private String readKey(UUID provider) {
        SignedInAdministrator administrator = new TestMsps(jdbc, clock).stored(provider, Role.MSP_ADMINISTRATOR);
        TestMsps.actAs(administrator);
        try {
            return apiKeys.create("Benchmark", EnumSet.of(ApiKeyScope.READ)).secret();
        } finally {
            TestMsps.actAsNobody();
        }
    }

    /** Signs in through the real three steps, reading the emailed code from the outbox. */
    private PortalClient signedIn(String email) {
        PortalClient browser = new PortalClient(port);
        browser.get("/sign-in");
        browser.post("/sign-in", "email", email);
        browser.get("/sign-in/password");
        browser.post("/sign-in/password", "password", PASSWORD);
        browser.get("/sign-in/code");
        assertThat(browser.post("/sign-in/code", "code", new Mailbox(jdbc).latestCodeTo(email)).status())
                .as("signed in").isEqualTo(302);
        return browser;
    }
}
