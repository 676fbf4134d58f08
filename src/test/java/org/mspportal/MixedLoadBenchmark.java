package org.mspportal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.mspportal.LoadTypes.Measured;
import org.mspportal.LoadTypes.Type;
import org.mspportal.customers.CustomerManagement;
import org.mspportal.customers.ManyCustomers;
import org.mspportal.identity.ApiKeyManagement;
import org.mspportal.identity.ApiKeyScope;
import org.mspportal.identity.Role;
import org.mspportal.plans.ServicePlanManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7's load test: a mixed workload on PostgreSQL, several MSPs' administrators and API clients
 * at once. Each request type runs in its own wrk process with its own connections (so each has its
 * own throughput and percentiles); sign-ins, which need the mailed code, run from here at a low
 * rate. Then, in the same run, pgbench runs the SQL the portal runs for each type with as many
 * clients: the baseline the portal's figures are divided by. Run by {@code bench/load.sh}; skipped
 * otherwise. The pool is the production default (20), not the tests' 5.
 */
@DatabaseTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.hikari.maximum-pool-size=20")
@EnabledIfSystemProperty(named = "portal.benchmark", matches = "true")
@EnabledIfSystemProperty(named = "portal.test.database", matches = "postgresql")
class MixedLoadBenchmark {

    private static final int MSPS = Integer.getInteger("portal.benchmark.msps", 10);
    private static final int CUSTOMERS = Integer.getInteger("portal.benchmark.customers", 1_000);
    private static final int DAYS = Integer.getInteger("portal.benchmark.days", 60);
    private static final int SECONDS = Integer.getInteger("portal.benchmark.seconds", 30);
    private static final int WARM_UP_SECONDS = Integer.getInteger("portal.benchmark.warm-up-seconds", 15);
    private static final int SIGN_IN_EVERY_MS = Integer.getInteger("portal.benchmark.sign-in-every-ms", 500);
    /** Seconds each type then runs alone, for the JVM's CPU per request of that type; 0 skips it. */
    private static final int ALONE_SECONDS = Integer.getInteger("portal.benchmark.alone-seconds", 10);
    /** Which types run alone, by their script names (customers-page, …, sign-in); all by default. */
    private static final List<String> ALONE_TYPES = List.of(System.getProperty("portal.benchmark.alone-types",
            "customers-page,customers-api,customer-page,customer-api,report-page,report-api,usage-api,sign-in")
            .split(","));
    private static final int SESSIONS_PER_MSP = 4;
    private static final int BATCH = 100;
    private static final String SIGN_IN = "sign-in (6 requests, mailed code)";

    /** The mix: mostly reads, as MSPs' administrators and API clients make them; ingestion paced. */
    private static final List<Type> TYPES = List.of(
            new Type("page /customers?page=N", "customers-page", 4, 0),
            new Type("api  /api/v1/customers?page=N", "customers-api", 4, 0),
            new Type("page /customers/{id}", "customer-page", 4, 0),
            new Type("api  /api/v1/customers/{id}", "customer-api", 6, 0),
            new Type("page /reports/global-usage", "report-page", 2, 0),
            new Type("api  /api/v1/reports/global-usage", "report-api", 2, 0),
            new Type("api  POST /api/v1/usage (100 records)", "usage-api", 2, Integer.getInteger(
                    "portal.benchmark.usage-pause-ms", 100)));

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate jdbcTemplate;
    @Autowired Clock clock;
    @Autowired ServicePlanManagement plans;
    @Autowired ApiKeyManagement apiKeys;
    @Autowired CustomerManagement customers;
    @Autowired PasswordEncoder passwords;
    @Autowired DataSource dataSource;

    private final Random random = new Random(11);
    private final HttpClient http = HttpClient.newHttpClient();
    private final Path work = Path.of("target", "load");
    private int baselineRows;

    /** One MSP as the load sees it: its customers, keys, a signed-in session and sign-in accounts. */
    private record Msp(UUID id, List<String> customers, String readKey, String ingestKey, List<String> sessions,
            List<String> admins) {
    }

    @Test
    void mixedWorkloadOfAdministratorsAndApiClients() throws Exception {
        LocalDate today = LocalDate.now(clock);
        step(String.format(Locale.ROOT, "Creating %d MSPs of %,d customers with %d days of usage", MSPS, CUSTOMERS,
                DAYS));
        List<Msp> msps = new ArrayList<>();
        ManyCustomers many = new ManyCustomers(jdbc, jdbcTemplate, clock, plans, customers);
        Benchmark bench = new Benchmark(port, jdbc, clock, passwords);
        BrowserSignIn accounts = new BrowserSignIn(jdbc, clock, passwords, port);
        for (int m = 0; m < MSPS; m++) {
            UUID provider = many.msp(CUSTOMERS);
            List<String> ids = jdbc.sql("SELECT id FROM customer WHERE provider_id = :p AND sandbox_of IS NULL"
                    + " ORDER BY id").param("p", provider).query(String.class).list();
            Msp msp = new Msp(provider, ids, key(provider, ApiKeyScope.READ), key(provider, ApiKeyScope.USAGE_INGEST),
                    sessions(bench, provider),
                    List.of(accounts.administratorOf(provider), accounts.administratorOf(provider)));
            usageOfEveryDay(msp, today);
            msps.add(msp);
        }
        jdbc.sql("VACUUM ANALYZE").update();
        writeRequests(msps, today);
        writeBaselineIds();
        if (Boolean.getBoolean("portal.benchmark.trace-sql")) {
            traceSql(msps);
        }

        List<String> report = new ArrayList<>();
        report.add(String.format(Locale.ROOT, "Mixed load: %d MSPs × %,d customers, %d days of usage each (%,d records);"
                + " one wrk process per request type (connections: %s), %d s after %d s of warm-up; sign-ins from"
                + " the benchmark, one every %d ms; then pgbench with the same clients per type running the same SQL"
                + " for %d s", MSPS, CUSTOMERS, DAYS, (long) MSPS * CUSTOMERS * DAYS, connections(), SECONDS,
                WARM_UP_SECONDS, SIGN_IN_EVERY_MS, SECONDS));
        step("Warm-up: " + WARM_UP_SECONDS + " s");
        run(msps, WARM_UP_SECONDS, "warm-up");
        report.add("Before: " + Benchmark.loadAverage());
        step("Measured: " + SECONDS + " s");
        long cpuBefore = processCpuNanos();
        Map<String, Measured> portal = run(msps, SECONDS, "measured");
        long cpuNanos = processCpuNanos() - cpuBefore;
        report.add("After the portal's load: " + Benchmark.loadAverage());
        step("Baseline: pgbench " + SECONDS + " s");
        Map<String, Measured> baseline = baseline();
        report.add("After the baseline: " + Benchmark.loadAverage());

        long requests = 0;
        long failures = 0;
        double worstP99 = 0;
        double baselinePerSecond = 0;
        for (Map.Entry<String, Measured> type : portal.entrySet()) {
            Measured measured = type.getValue();
            report.add(LoadTypes.line(type.getKey(), measured, baseline.get(type.getKey())));
            requests += type.getKey().equals(SIGN_IN) ? measured.requests() * 6 : measured.requests();
            failures += measured.failures();
            worstP99 = Math.max(worstP99, measured.p99());
            if (!measured.firstFailure().isEmpty()) {
                report.add("    first failure: " + measured.firstFailure());
            }
        }
        for (Measured measured : baseline.values()) {
            baselinePerSecond += measured.perSecond();
        }
        double perSecond = requests / (double) SECONDS;
        report.add(String.format(Locale.ROOT, "Overall: %,.0f HTTP requests/s (sign-ins counted as their 6 requests),"
                + " worst p99 %.1f ms, %d errors; the SQL alone: %,.0f transactions/s; portal ÷ SQL %.2f", perSecond,
                worstP99, failures, baselinePerSecond, perSecond / baselinePerSecond));
        // CPU time per request depends far less than rates on what else the machine is running.
        report.add(String.format(Locale.ROOT, "CPU of the portal's JVM (and the benchmark's sign-in client) while"
                + " measured: %.1f s of %d s, %.2f ms per HTTP request", cpuNanos / 1e9, SECONDS,
                cpuNanos / 1e6 / requests));
        report.add(String.format(Locale.ROOT, "Target ≥ 1 000 requests/s, p99 < 200 ms, no errors: %s",
                perSecond >= 1000 && worstP99 < 200 && failures == 0 ? "MET" : "NOT MET"));
        if (ALONE_SECONDS > 0) {
            report.addAll(alone(msps));
        }
        Benchmark.write("load.txt", report);
    }

    /**
     * Each type alone for ALONE_SECONDS with its own connections: its rate alone and the JVM's CPU
     * per request of that type, which says where the mix's CPU goes (the mix shares 2 cores, so
     * its rates depend on every type's cost at once).
     */
    private List<String> alone(List<Msp> msps) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Each type alone, %d s, its connections as above:", ALONE_SECONDS));
        for (Type type : TYPES.stream().filter(type -> ALONE_TYPES.contains(type.script())).toList()) {
            step("Alone: " + type.name());
            long cpuBefore = processCpuNanos();
            Process wrk = LoadTypes.wrk(type, port, work.resolve(type.script() + ".tsv"), ALONE_SECONDS,
                    "alone-" + UUID.randomUUID());
            Measured measured = LoadTypes.wrkResult(type, wrk);
            lines.add(LoadTypes.aloneLine(type.name(), measured, processCpuNanos() - cpuBefore));
        }
        if (ALONE_TYPES.contains("sign-in")) {
            step("Alone: " + SIGN_IN);
            long cpuBefore = processCpuNanos();
            Measured signedIn = signIns(msps, ALONE_SECONDS);
            lines.add(LoadTypes.aloneLine(SIGN_IN, signedIn, processCpuNanos() - cpuBefore));
        }
        lines.forEach(MixedLoadBenchmark::step);
        return lines;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Every type under load at once for {@code seconds}, and sign-ins alongside; figures per type. */
    private Map<String, Measured> run(List<Msp> msps, int seconds, String label) throws Exception {
        String run = label + "-" + UUID.randomUUID();
        Map<Type, Process> processes = new LinkedHashMap<>();
        for (Type type : TYPES) {
            processes.put(type, LoadTypes.wrk(type, port, work.resolve(type.script() + ".tsv"), seconds, run));
        }
        ExecutorService signIns = Executors.newSingleThreadExecutor();
        Future<Measured> signedIn = signIns.submit(() -> signIns(msps, seconds));
        Map<String, Measured> measured = new LinkedHashMap<>();
        for (Map.Entry<Type, Process> process : processes.entrySet()) {
            measured.put(process.getKey().name(), LoadTypes.wrkResult(process.getKey(), process.getValue()));
        }
        measured.put(SIGN_IN, signedIn.get());
        signIns.shutdown();
        measured.forEach((name, figures) -> step(LoadTypes.line(name, figures, null)));
        return measured;
    }

    /**
     * Signs in, one every SIGN_IN_EVERY_MS, with email, password and the mailed code; each timed
     * from the first request to the last, without reading the code from the outbox (the person's
     * part).
     */
    private Measured signIns(List<Msp> msps, int seconds) {
        List<String> emails = msps.stream().flatMap(msp -> msp.admins().stream()).toList();
        Mailbox mailbox = new Mailbox(jdbc);
        List<Long> nanos = new ArrayList<>();
        long failures = 0;
        String firstFailure = "";
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        for (int i = 0; System.nanoTime() < end; i++) {
            String email = emails.get(i % emails.size());
            PortalClient browser = new PortalClient(port);
            long began = System.nanoTime();
            browser.get("/sign-in");
            browser.post("/sign-in", "email", email);
            browser.get("/sign-in/password");
            browser.post("/sign-in/password", "password", BrowserSignIn.PASSWORD);
            browser.get("/sign-in/code");
            long beforeCode = System.nanoTime();
            String code = mailbox.latestCodeTo(email);
            long afterCode = System.nanoTime();
            PortalClient.Page last = browser.post("/sign-in/code", "code", code);
            nanos.add(System.nanoTime() - began - (afterCode - beforeCode));
            if (last.status() != 302 || !last.redirectsTo("/")) {
                failures++;
                firstFailure = firstFailure.isEmpty() ? last.status() + " " + last.location().orElse("") : firstFailure;
            }
            long next = start + (i + 1L) * SIGN_IN_EVERY_MS * 1_000_000L;
            sleepUntil(next);
        }
        long[] sorted = nanos.stream().mapToLong(n -> n / 1000).sorted().toArray();
        return new Measured(sorted.length, (System.nanoTime() - start) / 1e9, LoadTypes.percentile(sorted, 50),
                LoadTypes.percentile(sorted, 95), LoadTypes.percentile(sorted, 99), failures, firstFailure);
    }

    private static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * With {@code -Dportal.benchmark.trace-sql=true}: one request of each type, alone, with every
     * statement of this database logged by PostgreSQL between markers ({@code SELECT 'load trace:
     * <type>'}), to write or check the pgbench scripts against (the server's log, e.g.
     * /var/log/postgresql/postgresql-15-main.log). Scheduled jobs are off in tests, so nothing else runs.
     */
    private void traceSql(List<Msp> msps) throws Exception {
        String database = jdbc.sql("SELECT current_database()").query(String.class).single();
        jdbc.sql("ALTER DATABASE " + database + " SET log_min_duration_statement = 0").update();
        dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
        try {
            for (Type type : TYPES) {
                String[] line = Files.readAllLines(work.resolve(type.script() + ".tsv")).get(0).split("\t", 5);
                for (String time : List.of("first", "again")) {
                    jdbc.sql("SELECT 'load trace: " + type.script() + " " + time + "'").query(String.class).single();
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + line[1])).header(line[2], line[3]);
                    if (line.length == 5) {
                        request.header("Content-Type", "application/json").header("Idempotency-Key", "trace-"
                                + UUID.randomUUID()).POST(HttpRequest.BodyPublishers.ofString(line[4]));
                    }
                    step("trace " + type.script() + ": " + http.send(request.build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode());
                }
            }
            jdbc.sql("SELECT 'load trace: sign-in'").query(String.class).single();
            new Benchmark(port, jdbc, clock, passwords).signedInAdministrator(msps.get(0).id());
            jdbc.sql("SELECT 'load trace: end'").query(String.class).single();
        } finally {
            jdbc.sql("ALTER DATABASE " + database + " RESET log_min_duration_statement").update();
            dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
        }
    }

    /** pgbench per type at once, as wrk ran; figures per type. */
    private Map<String, Measured> baseline() throws Exception {
        String database = jdbc.sql("SELECT current_database()").query(String.class).single();
        Path logs = work.resolve("pgbench-" + UUID.randomUUID());
        Map<Type, Process> processes = new LinkedHashMap<>();
        for (Type type : TYPES) {
            processes.put(type, LoadTypes.pgbench(type, database, SECONDS, logs, baselineRows));
        }
        Map<String, Measured> measured = new LinkedHashMap<>();
        for (Map.Entry<Type, Process> process : processes.entrySet()) {
            measured.put(process.getKey().name(), LoadTypes.pgbenchResult(process.getKey(), process.getValue(), logs));
        }
        return measured;
    }

    /** DAYS days of one workload for every customer of the MSP, through the API in batches of 10 000. */
    private void usageOfEveryDay(Msp msp, LocalDate today) {
        List<String> records = new ArrayList<>();
        for (String customer : msp.customers()) {
            for (int d = 0; d < DAYS; d++) {
                records.add(record(customer, today.minusDays(d)));
                if (records.size() == 10_000) {
                    ingest(msp, records);
                }
            }
        }
        if (!records.isEmpty()) {
            ingest(msp, records);
        }
    }

    private String record(String customer, LocalDate day) {
        return "{\"customerId\":\"" + customer + "\",\"workload\":\"VMWARE\",\"date\":\"" + day
                + "\",\"storedBytes\":" + (1_000_000_000L + (long) (random.nextDouble() * 4e12)) + "}";
    }

    private void ingest(Msp msp, List<String> records) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/v1/usage"))
                    .header("Authorization", "Bearer " + msp.ingestKey()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(batch(records))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        } catch (IOException | InterruptedException failed) {
            throw new IllegalStateException(failed);
        }
        records.clear();
    }

    private static String batch(List<String> records) {
        return "{\"records\":[" + String.join(",", records) + "]}";
    }

    /**
     * The requests each wrk process picks from at random: every MSP's pages with its session and its
     * API with its keys; customer pages over all customers; ingestion batches of 100 customers on a
     * day of the last DAYS (corrections of figures already sent, as metering feeds resend them).
     */
    private void writeRequests(List<Msp> msps, LocalDate today) throws IOException {
        Files.createDirectories(work);
        Map<String, List<String>> lines = new LinkedHashMap<>();
        TYPES.forEach(type -> lines.put(type.script(), new ArrayList<>()));
        for (Msp msp : msps) {
            String read = "Authorization\tBearer " + msp.readKey();
            for (int page = 0; page < CUSTOMERS / 50; page++) {
                lines.get("customers-page").add("GET\t/customers?page=" + page + "\t" + cookie(msp, page));
                lines.get("customers-api").add("GET\t/api/v1/customers?size=50&page=" + page + "\t" + read);
            }
            for (int c = 0; c < msp.customers().size(); c++) {
                lines.get("customer-page").add("GET\t/customers/" + msp.customers().get(c) + "\t" + cookie(msp, c));
                lines.get("customer-api").add("GET\t/api/v1/customers/" + msp.customers().get(c) + "\t" + read);
            }
            for (int s = 0; s < SESSIONS_PER_MSP; s++) {
                lines.get("report-page").add("GET\t/reports/global-usage\t" + cookie(msp, s));
            }
            lines.get("report-api").add("GET\t/api/v1/reports/global-usage\t" + read);
            for (int b = 0; b < 20; b++) {
                List<String> records = new ArrayList<>();
                LocalDate day = today.minusDays(random.nextInt(DAYS));
                int first = random.nextInt(msp.customers().size() - BATCH);
                for (String customer : msp.customers().subList(first, first + BATCH)) {
                    records.add(record(customer, day));
                }
                lines.get("usage-api").add("POST\t/api/v1/usage\tAuthorization\tBearer " + msp.ingestKey() + "\t"
                        + batch(records));
            }
        }
        for (Map.Entry<String, List<String>> file : lines.entrySet()) {
            Files.write(work.resolve(file.getKey() + ".tsv"), file.getValue());
        }
    }

    /**
     * What the pgbench scripts pick from, as the wrk processes do: numbered customers (in MSP order,
     * so a range of numbers is mostly one MSP's) with their MSP, the edition of their plan, and one
     * of the MSP's sessions and API keys as stored (pgbench has no arrays: a script looks a row up
     * by a random number).
     */
    private void writeBaselineIds() {
        jdbc.sql("DROP TABLE IF EXISTS load_baseline").update();
        jdbc.sql("""
                CREATE TABLE load_baseline AS
                SELECT CAST(row_number() OVER (ORDER BY c.provider_id, c.id) AS INTEGER) AS n, c.id AS customer_id,
                       c.provider_id, p.edition, s.session_id, s.primary_id AS session_primary_id, k.key_hash,
                       k.id AS key_id
                  FROM customer c
                  JOIN service_plan p ON p.id = c.service_plan_id
                  JOIN LATERAL (SELECT s.session_id, s.primary_id FROM spring_session s
                                  JOIN account a ON CAST(a.id AS VARCHAR) = s.principal_name
                                 WHERE a.provider_id = c.provider_id ORDER BY s.primary_id LIMIT 1) s ON TRUE
                  JOIN LATERAL (SELECT k.key_hash, k.id FROM api_key k
                                 WHERE k.provider_id = c.provider_id ORDER BY k.id LIMIT 1) k ON TRUE""")
                .update();
        jdbc.sql("ALTER TABLE load_baseline ADD PRIMARY KEY (n)").update();
        jdbc.sql("ANALYZE load_baseline").update();
        baselineRows = jdbc.sql("SELECT COUNT(*) FROM load_baseline").query(Integer.class).single();
    }

    private static String cookie(Msp msp, int n) {
        return "Cookie\tSESSION=" + msp.sessions().get(n % msp.sessions().size());
    }

    /** SESSIONS_PER_MSP administrators of the MSP signed in: their session ids. */
    private static List<String> sessions(Benchmark bench, UUID provider) {
        List<String> sessions = new ArrayList<>();
        for (int s = 0; s < SESSIONS_PER_MSP; s++) {
            sessions.add(bench.signedInAdministrator(provider).sessionCookie().orElseThrow());
        }
        return sessions;
    }

    private String connections() {
        return String.join(", ", TYPES.stream().map(type -> type.script() + " " + type.connections()
                + (type.pauseMillis() > 0 ? " pausing " + type.pauseMillis() + " ms" : "")).toList());
    }

    private String key(UUID provider, ApiKeyScope scope) {
        TestMsps.actAs(new TestMsps(jdbc, clock).stored(provider, Role.MSP_ADMINISTRATOR));
        try {
            return apiKeys.create("Load " + scope.value(), EnumSet.of(scope)).secret();
        } finally {
            TestMsps.actAsNobody();
        }
    }

    private static void step(String what) {
        System.out.printf(Locale.ROOT, "[load benchmark %tT] %s%n", System.currentTimeMillis(), what);
    }
}
