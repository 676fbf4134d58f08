package org.mspportal.customers;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.mspportal.Benchmark;
import org.mspportal.DatabaseTest;
import org.mspportal.PortalClient;
import org.mspportal.TestMsps;
import org.mspportal.identity.ApiKeyManagement;
import org.mspportal.identity.ApiKeyScope;
import org.mspportal.identity.Role;
import org.mspportal.identity.SignedInAdministrator;
import org.mspportal.plans.ServicePlanManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.mspportal.Benchmark.encoded;
import static org.mspportal.Benchmark.page;

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
    private static final List<String> WORDS = ManyCustomers.WORDS;

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
        ManyCustomers many = new ManyCustomers(jdbc, jdbcTemplate, clock, plans, customers);
        UUID provider = many.msp(CUSTOMERS);
        many.msp(CUSTOMERS);
        Benchmark bench = new Benchmark(port, jdbc, clock, passwords);
        String apiKey = readKey(provider);
        PortalClient browser = bench.signedInAdministrator(provider);
        int pages = CUSTOMERS / 50;

        List<String> report = new ArrayList<>();
        report.add(String.format(Locale.ROOT, "Customers: %,d in the MSP measured, %,d in another; %d requests each"
                + " after %d warm-up; ms end to end over loopback HTTP", CUSTOMERS, CUSTOMERS, MEASURED, WARM_UP));
        report.add(measure("page  /customers (first page)", i -> page(browser, "/customers")));
        report.add(measure("page  /customers?page=random", i -> page(browser, "/customers?page=" + random.nextInt(pages))));
        report.add(measure("page  /customers?q=<text>&sort=licence", i -> page(browser,
                "/customers?q=" + encoded(WORDS.get(i % WORDS.size())) + "&sort=licence")));
        report.add(measure("api   /api/v1/customers?page=random", i -> bench.api(apiKey,
                "/api/v1/customers?size=50&page=" + random.nextInt(pages))));
        report.add(measure("api   /api/v1/customers?q=<text>&sort=licence", i -> bench.api(apiKey,
                "/api/v1/customers?size=50&sort=licenseExpiryDate&q=" + encoded(WORDS.get(i % WORDS.size())))));
        report.add(Benchmark.loadAverage());
        Benchmark.write("customer-list.txt", report);
    }

    private static String measure(String name, IntFunction<Integer> request) {
        return Benchmark.measure(name, WARM_UP, MEASURED, request);
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
}
