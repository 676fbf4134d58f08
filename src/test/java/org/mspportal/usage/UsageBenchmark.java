package org.mspportal.usage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.mspportal.Benchmark;
import org.mspportal.DatabaseTest;
import org.mspportal.PortalClient;
import org.mspportal.TestMsps;
import org.mspportal.customers.CustomerManagement;
import org.mspportal.customers.ManyCustomers;
import org.mspportal.identity.ApiKeyManagement;
import org.mspportal.identity.ApiKeyScope;
import org.mspportal.identity.Role;
import org.mspportal.plans.ServicePlan;
import org.mspportal.plans.ServicePlanManagement;
import org.mspportal.plans.UpdateServicePlan;
import org.mspportal.plans.UsageReportFrequency;
import org.mspportal.plans.Workload;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mspportal.Benchmark.page;

/**
 * Issue 5's figures, on PostgreSQL: 10 000 customers of one MSP (and another MSP with some usage)
 * with 20 million usage records, a year and more of daily records of five workloads, loaded with
 * COPY and rolled up with INSERT … SELECT … GROUP BY. Then, in the same run:
 * <ol>
 *   <li>ingestion through {@code POST /api/v1/usage} over loopback HTTP: batches of 10 000 new
 *       records (200 customers × 50 days of one workload, so concurrent clients touch different
 *       roll-up rows, as per-customer metering feeds would), several clients at once;</li>
 *   <li>the same number of records, shaped alike (another workload), through raw COPY into
 *       usage_record with all its indexes and foreign keys, as many streams as clients;</li>
 *   <li>the Global Usage report's p50/p95/p99 through the API and the page, for last month and the
 *       last twelve months, all editions and Business: warm (the data unchanged, so the kept report
 *       is served), after a batch (each request right after a one-record batch, so the kept report
 *       is refreshed for its customer), after a plan change (assembled again, no customer read) and
 *       afresh (each request right after a change the kept report cannot follow, so it is computed
 *       again from the roll-ups, as a report not kept yet is).</li>
 * </ol>
 * Run by {@code bench/usage.sh}; skipped otherwise. Sizes can be made smaller for a trial run with
 * {@code -Dportal.benchmark.days=} (days of bulk usage, 400) and {@code -Dportal.benchmark.batches=}, and
 * the report left out with {@code -Dportal.benchmark.report=false} (ingestion trials).
 */
@DatabaseTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@EnabledIfSystemProperty(named = "portal.benchmark", matches = "true")
@EnabledIfSystemProperty(named = "portal.test.database", matches = "postgresql")
class UsageBenchmark {

    private static final int CUSTOMERS = 10_000;
    private static final int OTHER_CUSTOMERS = 1_000;
    private static final int DAYS = Integer.getInteger("portal.benchmark.days", 400);
    private static final List<Workload> BULK = List.of(Workload.FILE_SERVERS, Workload.MS_SQL, Workload.VMWARE,
            Workload.MICROSOFT_365, Workload.ENDPOINTS);
    private static final Workload INGESTED = Workload.NAS;
    private static final Workload COPIED = Workload.ORACLE;
    private static final Workload WARMING = Workload.GOOGLE_WORKSPACE;
    private static final int BATCH_CUSTOMERS = 200;
    private static final int BATCH_DAYS = UsageBatch.MAX_RECORDS / BATCH_CUSTOMERS;
    private static final int BATCHES = Integer.getInteger("portal.benchmark.batches", 50);
    private static final int WARM_UP_BATCHES = 6;
    private static final int CLIENTS = Integer.getInteger("portal.benchmark.clients", 3);
    private static final int WARM_UP = Integer.getInteger("portal.benchmark.warm-up", 10);
    private static final int MEASURED = Integer.getInteger("portal.benchmark.measured", 50);
    private static final int WARM_UP_COLD = Integer.getInteger("portal.benchmark.warm-up-cold", 3);
    private static final int MEASURED_COLD = Integer.getInteger("portal.benchmark.measured-cold", 20);
    /** false for a trial of ingestion alone: the report's lines are skipped. */
    private static final boolean REPORT = Boolean.parseBoolean(System.getProperty("portal.benchmark.report", "true"));
    private static final String COLUMNS = "(provider_id, customer_id, workload, usage_date, stored_bytes, credits,"
            + " edition, batch_id, created_at)";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate jdbcTemplate;
    @Autowired Clock clock;
    @Autowired ServicePlanManagement plans;
    @Autowired ApiKeyManagement apiKeys;
    @Autowired CustomerManagement customers;
    @Autowired PasswordEncoder passwords;

    private final String url = System.getenv("PORTAL_TEST_POSTGRES_URL");
    private final Random random = new Random(7);
    private final long[] storedBytes = new long[4096];
    private final String[] storedBytesText = new String[storedBytes.length];
    private final String[] creditsText = new String[storedBytes.length];
    private final List<String> report = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    /** A customer as the load writes its rows: id and the roll-up edition of its plan. */
    private record Loaded(String id, String edition) {
    }

    @Test
    void ingestionAndGlobalUsageReportWithTwentyMillionRecords() throws Exception {
        for (int i = 0; i < storedBytes.length; i++) {
            storedBytes[i] = 1_000_000_000L + (long) (random.nextDouble() * 4_000_000_000_000L);
            storedBytesText[i] = Long.toString(storedBytes[i]);
            creditsText[i] = Credits.perDay(storedBytes[i]).toPlainString();
        }
        LocalDate today = LocalDate.now(clock);
        ManyCustomers many = new ManyCustomers(jdbc, jdbcTemplate, clock, plans, customers);
        step("Creating 10 000 customers in one MSP and " + OTHER_CUSTOMERS + " in another");
        UUID provider = many.msp(CUSTOMERS);
        UUID other = many.msp(OTHER_CUSTOMERS);
        List<Loaded> ours = loaded(provider);
        List<Loaded> theirs = loaded(other);
        bulkLoad(provider, ours, other, theirs, today);

        Benchmark bench = new Benchmark(port, jdbc, clock, passwords);
        String ingestKey = key(provider, ApiKeyScope.USAGE_INGEST);
        String readKey = key(provider, ApiKeyScope.READ);
        report.add(String.format(Locale.ROOT, "Usage: %,d customers in the MSP measured, %,d in another;"
                + " %,d usage records in all, %,d daily and %,d monthly roll-up rows", CUSTOMERS, OTHER_CUSTOMERS,
                count("usage_record"), count("usage_daily"), count("usage_monthly")));
        report.add("Before ingestion: " + Benchmark.loadAverage());

        step("Warming up ingestion: " + WARM_UP_BATCHES + " batches");
        post(ingestKey, batches(ours, WARMING, today, WARM_UP_BATCHES), "warm-up");
        step("COPY of " + BATCHES + " × 10 000 records into usage_record, " + CLIENTS + " streams");
        double copied = copy(provider, ours, today);
        rollUp(COPIED);
        rollUpProviderDays(COPIED);
        List<String> rebuild = new ArrayList<>(RunningTotals.REBUILD);
        rebuild.addAll(List.of("VACUUM ANALYZE usage_monthly", "VACUUM ANALYZE usage_total"));
        sql(rebuild.toArray(String[]::new));
        step("POST /api/v1/usage of " + BATCHES + " × 10 000 records, " + CLIENTS + " clients");
        double ingested = post(ingestKey, batches(ours, INGESTED, today, BATCHES), "measured");
        figure(String.format(Locale.ROOT, "Ingestion through POST /api/v1/usage: %,10.0f records/s"
                + " (%d clients, batches of 10 000, %,d records, Idempotency-Key sent)", ingested, CLIENTS,
                BATCHES * 10_000));
        figure(String.format(Locale.ROOT, "Raw COPY into usage_record:          %,10.0f records/s"
                + " (%d streams, the same number of records); API ÷ COPY = %.2f", copied, CLIENTS, ingested / copied));
        assertThat(rollUpsAgree()).as("roll-ups add up to the records").isTrue();
        report.add("Roll-up updates in place without index changes (HOT) since the bulk load: " + hotUpdates());
        if (!REPORT) {
            Benchmark.write("usage.txt", report);
            return;
        }

        step("Global Usage report: " + WARM_UP + " warm-up and " + MEASURED + " measured requests per line");
        PortalClient browser = bench.signedInAdministrator(provider);
        LocalDate lastMonth = today.withDayOfMonth(1).minusMonths(1);
        String month = "from=" + lastMonth + "&to=" + lastMonth.plusMonths(1).minusDays(1);
        String year = "from=" + today.withDayOfMonth(1).minusMonths(11) + "&to=" + today;
        report.add(String.format(Locale.ROOT, "Global Usage report, %,d customers; ms end to end over loopback HTTP."
                + " warm: data unchanged since the last request, %d requests each after %d warm-up;"
                + " batch: each request right after a one-record batch through the API (untimed), so the kept report"
                + " is refreshed for that customer; plan: each request right after a change to one of the MSP's plans"
                + " (its usage report frequency), so the kept report is assembled again without reading any customer;"
                + " afresh: each request right after a change the report cannot follow (the MSP's usage generation"
                + " moved by SQL, as for a report not kept yet), so the report is computed from the roll-ups;"
                + " range: each request right after the other range's report (month or year) computed afresh"
                + " (untimed), so this one reads only its range's credits;"
                + " switch: each request right after the same range's report of every edition computed afresh"
                + " (untimed), so this edition's is assembled from what that one read;"
                + " %d requests each after %d warm-up", CUSTOMERS, MEASURED, WARM_UP,
                MEASURED_COLD, WARM_UP_COLD));
        IntConsumer oneRecord = i -> assertThat(send(http, ingestKey, oneRecordBatch(ours.get(i % ours.size()), today,
                i))).as("one-record batch").isEqualTo(200);
        IntConsumer planChange = i -> changeAPlan(provider, i);
        IntConsumer everyCustomer = i -> jdbc.sql(
                "UPDATE usage_generation SET generation = generation + 1 WHERE provider_id = :provider")
                .param("provider", provider).update();
        for (String edition : List.of("ALL", "BUSINESS")) {
            for (Map.Entry<String, String> range : Map.of("month", month, "year ", year).entrySet().stream()
                    .sorted(Map.Entry.comparingByKey()).toList()) {
                String query = "?" + range.getValue() + "&edition=" + edition;
                String name = range.getKey() + " " + edition;
                IntFunction<Integer> api = i -> bench.api(readKey, "/api/v1/reports/global-usage" + query);
                IntFunction<Integer> page = i -> page(browser, "/reports/global-usage" + query);
                figure(measure("api  warm   " + name, api));
                figure(measure("page warm   " + name, page));
                figure(Benchmark.measure("api  batch  " + name, WARM_UP_COLD, MEASURED_COLD, oneRecord, api));
                figure(Benchmark.measure("page batch  " + name, WARM_UP_COLD, MEASURED_COLD, oneRecord, page));
                figure(Benchmark.measure("api  plan   " + name, WARM_UP_COLD, MEASURED_COLD, planChange, api));
                figure(Benchmark.measure("page plan   " + name, WARM_UP_COLD, MEASURED_COLD, planChange, page));
                figure(Benchmark.measure("api  afresh " + name, WARM_UP_COLD, MEASURED_COLD, everyCustomer, api));
                figure(Benchmark.measure("page afresh " + name, WARM_UP_COLD, MEASURED_COLD, everyCustomer, page));
                String otherRange = "/api/v1/reports/global-usage?" + (range.getValue().equals(month) ? year : month)
                        + "&edition=" + edition;
                IntConsumer afreshForOtherRange = i -> {
                    everyCustomer.accept(i);
                    assertThat(bench.api(readKey, otherRange)).as("report of the other range").isEqualTo(200);
                };
                figure(Benchmark.measure("api  range  " + name, WARM_UP_COLD, MEASURED_COLD, afreshForOtherRange, api));
                figure(Benchmark.measure("page range  " + name, WARM_UP_COLD, MEASURED_COLD, afreshForOtherRange,
                        page));
                if (!edition.equals("ALL")) {
                    String everyEdition = "/api/v1/reports/global-usage?" + range.getValue() + "&edition=ALL";
                    IntConsumer afreshForEveryEdition = i -> {
                        everyCustomer.accept(i);
                        assertThat(bench.api(readKey, everyEdition)).as("report of every edition").isEqualTo(200);
                    };
                    figure(Benchmark.measure("api  switch " + name, WARM_UP_COLD, MEASURED_COLD,
                            afreshForEveryEdition, api));
                    figure(Benchmark.measure("page switch " + name, WARM_UP_COLD, MEASURED_COLD,
                            afreshForEveryEdition, page));
                }
            }
        }
        report.add("After the report: " + Benchmark.loadAverage());
        Benchmark.write("usage.txt", report);
    }

    /** A change to one of the MSP's plans that leaves its edition: how often its usage is reported. */
    private void changeAPlan(UUID provider, int i) {
        TestMsps.actAs(provider, Role.MSP_ADMINISTRATOR);
        try {
            ServicePlan plan = plans.list(false).get(0);
            plans.update(plan.id(), new UpdateServicePlan(plan.name(), plan.edition(), i % 2 == 0
                    ? UsageReportFrequency.QUARTERLY : UsageReportFrequency.MONTHLY, plan.workloads(), plan.version()));
        } finally {
            TestMsps.actAsNobody();
        }
    }

    private static String measure(String name, IntFunction<Integer> request) {
        return Benchmark.measure(name, WARM_UP, MEASURED, request);
    }

    /** A line of the report, printed at once too: the report takes minutes. */
    private void figure(String line) {
        report.add(line);
        step(line);
    }

    private static void step(String what) {
        System.out.printf(Locale.ROOT, "[usage benchmark %1$tT.%1$tL] %2$s%n", System.currentTimeMillis(), what);
    }

    private List<Loaded> loaded(UUID provider) {
        return jdbc.sql("""
                SELECT c.id, p.edition FROM customer c JOIN service_plan p ON p.id = c.service_plan_id
                 WHERE c.provider_id = :provider ORDER BY c.id""")
                .param("provider", provider)
                .query((rs, row) -> new Loaded(rs.getString("id"), rs.getString("edition")))
                .list();
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    /**
     * DAYS days of BULK workloads for every customer of both MSPs (the other MSP two workloads),
     * COPYed in customer order by two streams with the unique key and provider index dropped and
     * foreign keys unchecked (the data is made to fit them), then indexed and rolled up.
     */
    private void bulkLoad(UUID provider, List<Loaded> ours, UUID other, List<Loaded> theirs, LocalDate today)
            throws Exception {
        long records = (long) ours.size() * DAYS * BULK.size() + (long) theirs.size() * DAYS * 2;
        step(String.format(Locale.ROOT, "COPY of %,d usage records over %d days (2 streams)", records, DAYS));
        long start = System.nanoTime();
        sql("ALTER TABLE usage_record DROP CONSTRAINT usage_record_one_per_day",
                "DROP INDEX usage_record_by_provider");
        int half = ours.size() / 2;
        ExecutorService streams = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> loads = List.of(
                    streams.submit(() -> copyDays(provider, ours.subList(0, half), BULK, today)),
                    streams.submit(() -> {
                        copyDays(provider, ours.subList(half, ours.size()), BULK, today);
                        copyDays(other, theirs, BULK.subList(0, 2), today);
                        return null;
                    }));
            for (Future<?> load : loads) {
                load.get();
            }
        } finally {
            streams.shutdown();
        }
        step(String.format(Locale.ROOT, "Loaded in %.0f s; building the unique key and provider index",
                (System.nanoTime() - start) / 1e9));
        sql("SET maintenance_work_mem = '512MB'",
                "ALTER TABLE usage_record ADD CONSTRAINT usage_record_one_per_day"
                        + " UNIQUE (customer_id, usage_date, workload)",
                "CREATE INDEX usage_record_by_provider ON usage_record (provider_id, usage_date)");
        // In time order, as ingestion writes them: a day's (or a month's) rows stand together.
        step("Building usage_daily and usage_monthly (with running totals) with INSERT … SELECT … GROUP BY");
        sql("INSERT INTO usage_daily (customer_id, usage_date, edition, provider_id, hybrid_credits, saas_credits,"
                + " credits) SELECT customer_id, usage_date, COALESCE(edition, 'NONE'), provider_id, "
                + hybridSum("workload", "credits") + ", " + saasSum("workload", "credits") + ", SUM(credits)"
                + " FROM usage_record GROUP BY customer_id, usage_date, COALESCE(edition, 'NONE'), provider_id"
                + " ORDER BY usage_date",
                "INSERT INTO usage_monthly (customer_id, usage_month, edition, provider_id, hybrid_credits,"
                + " saas_credits, credits, hybrid_to_date, saas_to_date)"
                + " SELECT customer_id, usage_month, edition, provider_id, hybrid, saas, credits,"
                + " SUM(hybrid) OVER running, SUM(saas) OVER running FROM ("
                + " SELECT customer_id, CAST(date_trunc('month', usage_date) AS DATE) AS usage_month, edition,"
                + " provider_id, SUM(hybrid_credits) AS hybrid, SUM(saas_credits) AS saas, SUM(credits) AS credits"
                + " FROM usage_daily GROUP BY customer_id, date_trunc('month', usage_date), edition, provider_id) m"
                + " WINDOW running AS (PARTITION BY customer_id, edition ORDER BY usage_month) ORDER BY usage_month",
                RunningTotals.TOTALS_FROM_MONTHS,
                "INSERT INTO usage_provider_daily (provider_id, usage_date, edition, credits)"
                + " SELECT provider_id, usage_date, edition, SUM(credits) FROM usage_daily"
                + " GROUP BY provider_id, usage_date, edition",
                "VACUUM ANALYZE usage_provider_daily", "VACUUM ANALYZE usage_daily", "VACUUM ANALYZE usage_monthly",
                "VACUUM ANALYZE usage_total", "ANALYZE usage_record");
        step(String.format(Locale.ROOT, "Bulk load, indexes and roll-ups took %.0f s",
                (System.nanoTime() - start) / 1e9));
    }

    private static String hybridSum(String workload, String credits) {
        return "SUM(CASE WHEN " + workload + " IN (" + Workload.Group.HYBRID.workloads().stream()
                .map(w -> "'" + w.name() + "'").collect(Collectors.joining(", ")) + ") THEN " + credits
                + " ELSE 0 END)";
    }

    private static String saasSum(String workload, String credits) {
        return "SUM(" + credits + ") - " + hybridSum(workload, credits);
    }

    /** Rows of the workload rolled up into the roll-ups that exist, as ingestion would have. */
    private void rollUp(Workload workload) throws SQLException {
        for (String[] table : List.of(new String[] {"usage_daily", "usage_date", "usage_date"},
                new String[] {"usage_monthly", "usage_month", "CAST(date_trunc('month', usage_date) AS DATE)"})) {
            sql("INSERT INTO " + table[0] + " (customer_id, " + table[1] + ", edition, provider_id, hybrid_credits,"
                    + " saas_credits, credits) SELECT customer_id, " + table[2] + ", COALESCE(edition, 'NONE'),"
                    + " provider_id, " + hybridSum("workload", "credits") + ", " + saasSum("workload", "credits")
                    + ", SUM(credits) FROM usage_record WHERE workload = '" + workload.name() + "'"
                    + " GROUP BY customer_id, " + table[2] + ", COALESCE(edition, 'NONE'), provider_id"
                    + " ON CONFLICT (customer_id, " + table[1] + ", edition) DO UPDATE SET"
                    + " hybrid_credits = " + table[0] + ".hybrid_credits + EXCLUDED.hybrid_credits,"
                    + " saas_credits = " + table[0] + ".saas_credits + EXCLUDED.saas_credits,"
                    + " credits = " + table[0] + ".credits + EXCLUDED.credits");
        }
    }

    private void rollUpProviderDays(Workload workload) throws SQLException {
        sql("INSERT INTO usage_provider_daily (provider_id, usage_date, edition, credits)"
                + " SELECT provider_id, usage_date, COALESCE(edition, 'NONE'), SUM(credits) FROM usage_record"
                + " WHERE workload = '" + workload.name() + "' GROUP BY provider_id, usage_date, COALESCE(edition, 'NONE')"
                + " ON CONFLICT (provider_id, usage_date, edition)"
                + " DO UPDATE SET credits = usage_provider_daily.credits + EXCLUDED.credits");
    }

    private String hotUpdates() {
        return String.join(", ", jdbc.sql("""
                SELECT relname, n_tup_hot_upd, n_tup_upd FROM pg_stat_user_tables
                 WHERE relname IN ('usage_daily', 'usage_monthly', 'usage_provider_daily') ORDER BY relname""")
                .query((rs, row) -> String.format(Locale.ROOT, "%s %,d of %,d", rs.getString(1), rs.getLong(2),
                        rs.getLong(3))).list());
    }

    private boolean rollUpsAgree() {
        return jdbc.sql("""
                SELECT (SELECT SUM(credits) FROM usage_record) = (SELECT SUM(credits) FROM usage_daily)
                   AND (SELECT SUM(credits) FROM usage_daily) = (SELECT SUM(credits) FROM usage_monthly)
                   AND (SELECT SUM(credits) FROM usage_daily) = (SELECT SUM(credits) FROM usage_provider_daily)
                   AND (SELECT SUM(credits) FROM usage_daily)
                       = (SELECT SUM(hybrid_credits) + SUM(saas_credits) FROM usage_total)
                   AND NOT EXISTS (SELECT 1 FROM usage_total t JOIN usage_monthly m
                                     ON m.customer_id = t.customer_id AND m.edition = t.edition
                                    AND m.usage_month = t.last_month
                                  WHERE m.hybrid_to_date <> t.hybrid_credits OR m.saas_to_date <> t.saas_credits)""")
                .query(Boolean.class).single();
    }

    private void sql(String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement =
                connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** COPYs the days of the workloads of the customers, foreign keys unchecked (bulk load only). */
    private Void copyDays(UUID provider, List<Loaded> loaded, List<Workload> workloads, LocalDate today)
            throws SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET session_replication_role = replica");
            }
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY usage_record " + COLUMNS + " FROM STDIN");
            Random values = new Random(provider.hashCode());
            String[] days = new String[DAYS];
            for (int d = 0; d < DAYS; d++) {
                days[d] = today.minusDays(DAYS - d).toString();
            }
            String prefix = provider + "\t";
            String suffix = "\t" + UUID.randomUUID() + "\t" + clock.instant() + "\n";
            StringBuilder rows = new StringBuilder(1 << 20);
            for (Loaded customer : loaded) {
                for (String day : days) {
                    for (Workload workload : workloads) {
                        row(rows, prefix, customer, workload.name(), day, values.nextInt(storedBytes.length), suffix);
                    }
                }
                if (rows.length() > 900_000) {
                    write(copy, rows);
                }
            }
            write(copy, rows);
            copy.endCopy();
        }
        return null;
    }

    private void row(StringBuilder rows, String prefix, Loaded customer, String workload, String day, int value,
            String suffix) {
        rows.append(prefix).append(customer.id()).append('\t').append(workload).append('\t').append(day)
                .append('\t').append(storedBytesText[value]).append('\t').append(creditsText[value]).append('\t')
                .append(customer.edition()).append(suffix);
    }

    private static void write(CopyIn copy, StringBuilder rows) throws SQLException {
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        rows.setLength(0);
    }

    /** The days the timed ingestion covers: the last BATCH_DAYS, today included. */
    private static List<LocalDate> ingestedDays(LocalDate today) {
        List<LocalDate> days = new ArrayList<>();
        for (int d = BATCH_DAYS - 1; d >= 0; d--) {
            days.add(today.minusDays(d));
        }
        return days;
    }

    /**
     * The same records the API gets (customers × the last BATCH_DAYS days), under COPIED, rendered
     * first and then COPYed by CLIENTS streams with every index and foreign key in place; records/s.
     */
    private double copy(UUID provider, List<Loaded> ours, LocalDate today) throws Exception {
        int customers = BATCHES * BATCH_CUSTOMERS;
        String prefix = provider + "\t";
        String suffix = "\t" + UUID.randomUUID() + "\t" + clock.instant() + "\n";
        List<byte[]> chunks = new ArrayList<>();
        for (int c = 0; c < customers; c += BATCH_CUSTOMERS) {
            StringBuilder rows = new StringBuilder(1 << 20);
            for (Loaded customer : ours.subList(c, c + BATCH_CUSTOMERS)) {
                for (LocalDate day : ingestedDays(today)) {
                    row(rows, prefix, customer, COPIED.name(), day.toString(), random.nextInt(storedBytes.length),
                            suffix);
                }
            }
            chunks.add(rows.toString().getBytes(StandardCharsets.UTF_8));
        }
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            connections.add(DriverManager.getConnection(url));
        }
        ExecutorService streams = Executors.newFixedThreadPool(CLIENTS);
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int stream = i;
                done.add(streams.submit(() -> {
                    CopyIn copy = connections.get(stream).unwrap(PGConnection.class).getCopyAPI()
                            .copyIn("COPY usage_record " + COLUMNS + " FROM STDIN");
                    for (int chunk = stream; chunk < chunks.size(); chunk += CLIENTS) {
                        copy.writeToCopy(chunks.get(chunk), 0, chunks.get(chunk).length);
                    }
                    return copy.endCopy();
                }));
            }
            for (Future<?> stream : done) {
                stream.get();
            }
            return (double) customers * BATCH_DAYS / ((System.nanoTime() - start) / 1e9);
        } finally {
            streams.shutdown();
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    /** JSON bodies of {@code count} batches of 10 000 records of the workload: 200 customers × 50 days each. */
    private List<byte[]> batches(List<Loaded> ours, Workload workload, LocalDate today, int count) {
        List<byte[]> bodies = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            StringBuilder body = new StringBuilder(1 << 20).append("{\"records\":[");
            for (Loaded customer : ours.subList(b * BATCH_CUSTOMERS, (b + 1) * BATCH_CUSTOMERS)) {
                for (LocalDate day : ingestedDays(today)) {
                    body.append("{\"customerId\":\"").append(customer.id()).append("\",\"workload\":\"")
                            .append(workload.name()).append("\",\"date\":\"").append(day)
                            .append("\",\"storedBytes\":").append(storedBytesText[random.nextInt(storedBytes.length)])
                            .append("},");
                }
            }
            body.setLength(body.length() - 1);
            bodies.add(body.append("]}").toString().getBytes(StandardCharsets.UTF_8));
        }
        return bodies;
    }

    /** A batch of one record of the warm-up workload: a change to the report's data, as small as can be. */
    private byte[] oneRecordBatch(Loaded customer, LocalDate today, int i) {
        return ("{\"records\":[{\"customerId\":\"" + customer.id() + "\",\"workload\":\"" + WARMING.name()
                + "\",\"date\":\"" + today + "\",\"credits\":" + (i + 1) + "}]}").getBytes(StandardCharsets.UTF_8);
    }

    /** POSTs the bodies with CLIENTS clients at once, each expected to be a 200; records/s. */
    private double post(String key, List<byte[]> bodies, String label) throws Exception {
        ConcurrentLinkedQueue<byte[]> queue = new ConcurrentLinkedQueue<>(bodies);
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        Map<Integer, Integer> statuses = new HashMap<>();
        try {
            long start = System.nanoTime();
            List<Future<List<Integer>>> done = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                done.add(clients.submit(() -> {
                    List<Integer> answers = new ArrayList<>();
                    for (byte[] body = queue.poll(); body != null; body = queue.poll()) {
                        answers.add(send(http, key, body));
                    }
                    return answers;
                }));
            }
            for (Future<List<Integer>> client : done) {
                client.get().forEach(status -> statuses.merge(status, 1, Integer::sum));
            }
            double rate = bodies.size() * 10_000.0 / ((System.nanoTime() - start) / 1e9);
            step(String.format(Locale.ROOT, "%s ingestion: %,.0f records/s, answers %s", label, rate, statuses));
            assertThat(statuses).as("answers").containsOnlyKeys(200);
            return rate;
        } finally {
            clients.shutdown();
        }
    }

    private int send(HttpClient http, String key, byte[] body) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/v1/usage"))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                System.out.println(response.body());
            }
            return response.statusCode();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            throw new IllegalStateException(interrupted);
        }
    }

    private String key(UUID provider, ApiKeyScope scope) {
        TestMsps.actAs(new TestMsps(jdbc, clock).stored(provider, Role.MSP_ADMINISTRATOR));
        try {
            return apiKeys.create("Benchmark " + scope.value(), EnumSet.of(scope)).secret();
        } finally {
            TestMsps.actAsNobody();
        }
    }
}
