package org.mspportal.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import org.mspportal.customers.Customer;
import org.mspportal.customers.CustomerManagement;
import org.mspportal.customers.RegisterCustomer;
import org.mspportal.customers.StorageRegion;
import org.mspportal.customers.TenantType;
import org.mspportal.identity.Administrator;
import org.mspportal.identity.AdministratorManagement;
import org.mspportal.identity.ApiKeyManagement;
import org.mspportal.identity.ApiKeyScope;
import org.mspportal.identity.DemoActivation;
import org.mspportal.identity.Role;
import org.mspportal.identity.SignedInAdministrator;
import org.mspportal.plans.CreateServicePlan;
import org.mspportal.plans.Edition;
import org.mspportal.plans.ServicePlan;
import org.mspportal.plans.ServicePlanManagement;
import org.mspportal.plans.UsageReportFrequency;
import org.mspportal.plans.Workload;
import org.mspportal.providers.OnboardProvider;
import org.mspportal.providers.Provider;
import org.mspportal.providers.ProviderManagement;
import org.mspportal.usage.SubmittedUsage;
import org.mspportal.usage.UsageIngestion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode ({@code --spring.profiles.active=demo}): the first start fills the embedded database
 * with a demo MSP, its plans, 200 customers with names in many scripts and a year of daily usage,
 * then prints a demo administrator's sign-in and an API key. Everything goes through the modules'
 * façades, as an operator and then as the demo MSP's administrator, so the data obey every rule
 * and leave the audit entries, roll-ups and alerts that real use would. Later starts find the
 * demo MSP and add nothing. It refuses to touch anything but an H2 database unless
 * {@code portal.demo.any-database} is set: the demo's password is printed to the console.
 */
@Component
@Profile("demo")
class DemoData {

    static final String MSP_NAME = "Demo MSP";
    static final String ADMIN_EMAIL = "admin@demo-msp.example";
    static final int CUSTOMERS = 200;
    static final int DAYS = 365;
    private static final long SEED = 20_261_123L;
    private static final double TERABYTE = 1e12;
    private static final double TB_DAYS_PER_CREDIT = 30.42;

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final ProviderManagement providers;
    private final DemoActivation activation;
    private final AdministratorManagement administrators;
    private final ServicePlanManagement plans;
    private final CustomerManagement customers;
    private final UsageIngestion usage;
    private final ApiKeyManagement keys;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final boolean anyDatabase;
    private final String baseUrl;

    DemoData(ProviderManagement providers, DemoActivation activation, AdministratorManagement administrators,
            ServicePlanManagement plans, CustomerManagement customers, UsageIngestion usage, ApiKeyManagement keys,
            DataSource dataSource, TransactionTemplate transactions, Clock clock,
            @Value("${portal.demo.any-database:false}") boolean anyDatabase,
            @Value("${portal.base-url}") String baseUrl) {
        this.providers = providers;
        this.activation = activation;
        this.administrators = administrators;
        this.plans = plans;
        this.customers = customers;
        this.usage = usage;
        this.keys = keys;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.clock = clock;
        this.anyDatabase = anyDatabase;
        this.baseUrl = baseUrl;
    }

    /** What the console shows after a fill: the only time the password and the key exist in clear. */
    record DemoSignIn(String email, String password, String apiKey, int customers, int usageRecords,
            Duration took) {

        @Override
        public String toString() {
            return "DemoSignIn[email=" + email + ", customers=" + customers + "]";
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        requireEmbeddedDatabase();
        fill().ifPresentOrElse(this::printBanner, () -> log.info("""

                ==== Demo mode ====================================================================
                  The demo data exist already ({}). Sign in at {}/sign-in as {}.
                  The password was printed at the first start; to choose a new one, use "Forgot your
                  password?" and open the reset link in the development mailbox at {}/dev/mailbox.
                ===================================================================================""",
                MSP_NAME, baseUrl, ADMIN_EMAIL, baseUrl));
    }

    /** Fills the database unless the demo MSP exists; empty when it did. */
    Optional<DemoSignIn> fill() {
        Instant started = Instant.now();
        try {
            actAs(new SignedInAdministrator(UUID.randomUUID(), "demo-mode", "Demo mode", null, Role.OPERATOR));
            return transactions.execute(status -> demoMspExists() ? Optional.<DemoSignIn>empty()
                    : Optional.of(create(started)));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void requireEmbeddedDatabase() {
        String url;
        try (Connection connection = dataSource.getConnection()) {
            url = connection.getMetaData().getURL();
        } catch (SQLException unreachable) {
            throw new IllegalStateException("Demo mode cannot reach the database", unreachable);
        }
        refuseUnlessEmbedded(url, anyDatabase);
    }

    static void refuseUnlessEmbedded(String url, boolean anyDatabase) {
        if (!url.startsWith("jdbc:h2:") && !anyDatabase) {
            // The kind of database only: a JDBC URL may carry a password.
            String kind = url.split(":").length > 1 ? url.split(":")[1] : "another database";
            throw new IllegalStateException("Demo mode fills the embedded H2 database only, and this is " + kind
                    + ". It prints a password to the console, so it is not for a real database; set"
                    + " PORTAL_DEMO_ANY_DATABASE=true if you really want demo data there.");
        }
    }

    private boolean demoMspExists() {
        return providers.list(MSP_NAME, PageRequest.of(0, 10)).stream()
                .anyMatch(provider -> provider.name().equals(MSP_NAME));
    }

    private DemoSignIn create(Instant started) {
        Provider msp = providers.onboard(new OnboardProvider(MSP_NAME, List.of(ADMIN_EMAIL)));
        String password = DemoNames.password();
        activation.activate(ADMIN_EMAIL, password);
        Administrator admin = administrators.listOf(msp.id()).stream()
                .filter(candidate -> candidate.email().equals(ADMIN_EMAIL)).findFirst().orElseThrow();
        actAs(new SignedInAdministrator(admin.id(), admin.email(), admin.displayName(), msp.id(),
                Role.MSP_ADMINISTRATOR));
        List<ServicePlan> offered = plans();
        LocalDate today = LocalDate.now(clock);
        List<StorageRegion> regions = customers.storageRegions();
        Random random = new Random(SEED);
        List<String> names = DemoNames.generate(CUSTOMERS, SEED);
        List<List<SubmittedUsage>> usagePerCustomer = new ArrayList<>();
        for (int index = 0; index < CUSTOMERS; index++) {
            usagePerCustomer.add(customer(index, names.get(index), offered, regions, today, random));
        }
        int records = ingest(usagePerCustomer);
        String key = keys.create("Demo API key", EnumSet.of(ApiKeyScope.READ, ApiKeyScope.USAGE_INGEST)).secret();
        return new DemoSignIn(ADMIN_EMAIL, password, key, CUSTOMERS, records, Duration.between(started, Instant.now()));
    }

    /** A plan of each edition, and a second Business plan for SaaS only. */
    private List<ServicePlan> plans() {
        EnumSet<Workload> hybrid = EnumSet.copyOf(Workload.Group.HYBRID.workloads());
        EnumSet<Workload> saas = EnumSet.complementOf(hybrid);
        return List.of(
                plans.create(new CreateServicePlan("Business Monthly", Edition.BUSINESS, UsageReportFrequency.MONTHLY,
                        EnumSet.allOf(Workload.class))),
                plans.create(new CreateServicePlan("Business SaaS", Edition.BUSINESS, UsageReportFrequency.MONTHLY,
                        saas)),
                plans.create(new CreateServicePlan("Enterprise Quarterly", Edition.ENTERPRISE,
                        UsageReportFrequency.QUARTERLY, EnumSet.allOf(Workload.class))),
                plans.create(new CreateServicePlan("Elite Yearly", Edition.ELITE, UsageReportFrequency.YEARLY,
                        EnumSet.allOf(Workload.class))),
                plans.create(new CreateServicePlan("Elite Hybrid Half-yearly", Edition.ELITE,
                        UsageReportFrequency.HALF_YEARLY, hybrid)));
    }

    /**
     * Registers one customer and returns its usage. Every tenth is on a 30-day evaluation with two
     * weeks of usage; the rest are commercial, most with a year of usage and some joined later in
     * the year. Quotas are set from the usage so utilizations spread from light to exhausted; a
     * dozen licences expire within 30 days, a few have lapsed, and one customer is suspended.
     */
    private List<SubmittedUsage> customer(int index, String name, List<ServicePlan> offered,
            List<StorageRegion> regions, LocalDate today, Random random) {
        boolean evaluation = index % 10 == 3;
        ServicePlan plan = offered.get(random.nextInt(offered.size()));
        LocalDate firstDay = evaluation ? today.minusDays(13)
                : random.nextInt(4) == 0 ? today.minusDays(30 + random.nextInt(DAYS - 60)) : today.minusDays(DAYS - 1);
        List<Workload> workloads = new ArrayList<>(plan.workloads());
        java.util.Collections.shuffle(workloads, random);
        Map<Workload, double[]> series = new LinkedHashMap<>();
        for (Workload workload : workloads.subList(0, 1 + random.nextInt(Math.min(3, workloads.size())))) {
            series.put(workload, storedBytes(firstDay, today, random));
        }
        LocalDate quotaFrom = evaluation ? firstDay
                : today.withDayOfMonth(1).minusMonths(1 + random.nextInt(11));
        LocalDate quotaTo = evaluation ? today.plusDays(47) : quotaFrom.plusYears(1).minusDays(1);
        BigDecimal quota = quota(series, firstDay, quotaFrom, random);
        LocalDate licence = evaluation ? today.plusDays(30)
                : index % 16 == 5 ? today.plusDays(1 + random.nextInt(30))
                : index % 67 == 11 ? today.minusDays(1 + random.nextInt(20))
                : quotaTo.plusDays(random.nextInt(31));
        Customer customer = customers.register(new RegisterCustomer(name, index % 3 == 0 ? name : null, null,
                index % 4 == 0 ? DemoNames.phoneFor(name, random) : null, plan.id(),
                evaluation ? TenantType.EVALUATION : TenantType.COMMERCIAL,
                regions.get(random.nextInt(regions.size())).id(), quota, quotaFrom, quotaTo, licence));
        if (index == 7) {
            customers.suspend(customer.id());
        }
        List<SubmittedUsage> records = new ArrayList<>();
        series.forEach((workload, bytes) -> {
            for (int day = 0; day < bytes.length; day++) {
                records.add(new SubmittedUsage(customer.id().toString(), workload.name(),
                        firstDay.plusDays(day).toString(), BigDecimal.valueOf(Math.round(bytes[day])), null));
            }
        });
        return records;
    }

    /**
     * Stored bytes per day from {@code first} to {@code last}: a size between 0.3 and 30 TB that
     * grows by up to about 150 % a year, with a weekly rhythm (backups of weekdays) and some noise.
     */
    private static double[] storedBytes(LocalDate first, LocalDate last, Random random) {
        int days = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
        double start = Math.exp(Math.log(0.3) + random.nextDouble() * (Math.log(30) - Math.log(0.3))) * TERABYTE;
        double growth = 0.0002 + random.nextDouble() * 0.0023;
        double[] bytes = new double[days];
        for (int day = 0; day < days; day++) {
            double weekly = 1 + 0.03 * Math.sin(2 * Math.PI * first.plusDays(day).getDayOfWeek().getValue() / 7.0);
            bytes[day] = start * Math.exp(growth * day) * weekly * (1 + 0.02 * random.nextGaussian());
        }
        return bytes;
    }

    /**
     * A quota the usage so far fills to a chosen utilization: most customers between 20 and 75 %,
     * some past the 80 % warning, the 90 % critical, or the quota (so the Alerts page has news).
     */
    private static BigDecimal quota(Map<Workload, double[]> series, LocalDate firstDay, LocalDate quotaFrom,
            Random random) {
        double used = 0;
        for (double[] bytes : series.values()) {
            for (int day = 0; day < bytes.length; day++) {
                if (!firstDay.plusDays(day).isBefore(quotaFrom)) {
                    used += bytes[day] / TERABYTE / TB_DAYS_PER_CREDIT;
                }
            }
        }
        int band = random.nextInt(20);
        double utilization = band < 14 ? 0.2 + random.nextDouble() * 0.55
                : band < 16 ? 0.81 + random.nextDouble() * 0.08
                : band < 18 ? 0.91 + random.nextDouble() * 0.08
                : 1.02 + random.nextDouble() * 0.15;
        double credits = Math.max(1, used / utilization);
        return BigDecimal.valueOf(credits).setScale(2, RoundingMode.HALF_UP);
    }

    /** Sends the usage in batches of whole customers, each at most the API's 10 000 records. */
    private int ingest(List<List<SubmittedUsage>> usagePerCustomer) {
        List<SubmittedUsage> batch = new ArrayList<>();
        int sent = 0;
        for (List<SubmittedUsage> records : usagePerCustomer) {
            if (batch.size() + records.size() > 10_000) {
                usage.ingest(batch);
                sent += batch.size();
                batch = new ArrayList<>();
            }
            batch.addAll(records);
        }
        if (!batch.isEmpty()) {
            usage.ingest(batch);
            sent += batch.size();
        }
        return sent;
    }

    private void printBanner(DemoSignIn signIn) {
        log.info("""

                ==== Demo mode: demo data created ================================================
                  {} customers and {} usage records in {} s.
                  Open        {}
                  Sign in as  {}
                  Password    {}
                  Then enter the 6-digit code mailed to that address: open the development mailbox
                  at {}/dev/mailbox (the link is on the sign-in page too).
                  API key (read, usage-ingest), shown this once:
                              {}
                  Try:  curl -H "Authorization: Bearer {}" {}/api/v1/reports/global-usage
                ===================================================================================""",
                signIn.customers(), signIn.usageRecords(), signIn.took().toSeconds(), baseUrl, signIn.email(),
                signIn.password(), baseUrl, signIn.apiKey(), signIn.apiKey(), baseUrl);
    }

    private static void actAs(SignedInAdministrator principal) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                principal, null, List.of(new SimpleGrantedAuthority(principal.role().authority()))));
    }
}
