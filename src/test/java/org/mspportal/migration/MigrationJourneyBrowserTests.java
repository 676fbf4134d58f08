package org.mspportal.migration;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mspportal.BrowserSignIn;
import org.mspportal.BrowserTest;
import org.mspportal.Chromium;
import org.mspportal.DevMailboxReader;
import org.mspportal.TestMsps;
import org.mspportal.identity.Role;
import org.mspportal.plans.CreateServicePlan;
import org.mspportal.plans.Edition;
import org.mspportal.plans.ServicePlanManagement;
import org.mspportal.plans.UsageReportFrequency;
import org.mspportal.plans.Workload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6, acceptance 1: both workflows of a migration end to end in real Chromium, as the people
 * involved take them for the first time — the operator, the MSP's administrator, the customer's
 * cloud administrator (no account) and the MSP administrator handling it — each in their own
 * browser, every link and token taken from the development mailbox. The customers are named in
 * non-Latin scripts with an emoji.
 */
@BrowserTest
class MigrationJourneyBrowserTests {

    private static final Pattern TOKEN = Pattern.compile("(?m)^\\s*([A-Za-z0-9_-]{43})\\s*$");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired PasswordEncoder passwords;
    @Autowired ServicePlanManagement plans;

    private final List<BrowserContext> people = new ArrayList<>();
    private final List<String> consoleErrors = new ArrayList<>();

    /** The people taking part, and where each stands. */
    private final class Journey {
        final String unique = UUID.randomUUID().toString().substring(0, 4);
        final UUID provider = new TestMsps(jdbc, clock).provider();
        final String mspName = named(provider, "Northwind IT Services " + unique);
        final BrowserSignIn signIn = new BrowserSignIn(jdbc, clock, passwords, port);
        final DevMailboxReader mailbox = new DevMailboxReader(jdbc, port);
        final String operatorEmail = signIn.operator();
        final String adminEmail = signIn.administratorOf(provider);
        final String handlerEmail = signIn.administratorOf(provider);
        final String cloudAdminEmail = "it-" + unique + "@customer.example";
        final LocalDate today = LocalDate.now(clock);
        final Page operator;
        final Page admin;
        final Page handler;
        final Page cloudAdmin;

        Journey(Page operator) {
            this.operator = operator;
            this.admin = newPerson(operator);
            this.handler = newPerson(operator);
            this.cloudAdmin = newPerson(operator);
        }
    }

    /** Names the MSP as people would, for the pages and screenshots to read naturally. */
    private String named(UUID provider, String name) {
        jdbc.sql("UPDATE provider SET name = :name WHERE id = :id").param("name", name).param("id", provider).update();
        return name;
    }

    @AfterEach
    void closeTheOtherBrowsers() {
        people.forEach(BrowserContext::close);
        assertThat(consoleErrors).as("errors in the other people's browser consoles").isEmpty();
    }

    @Test
    void aSaasAndEndpointsCustomerCompletesOnVerification(Page page) {
        Journey journey = new Journey(page);
        String name = "Ωμέγα Λογιστική 🦉 " + journey.unique;
        LocalDate microsoft365 = journey.today.plusDays(200);
        LocalDate endpoints = journey.today.plusDays(400);

        String token = upToVerification(journey, name, form -> {
            form.getByLabel("Microsoft 365 expires on").fill(microsoft365.toString());
            form.getByLabel("Endpoints expire on").fill(endpoints.toString());
        }, "w2", List.of("Microsoft 365", "Endpoints"));
        Page handler = journey.handler;
        // Both products take the later tenant date: the SaaS & endpoints tenant's latest product.
        assertThat(handler.locator(".licence-table tbody")).containsText(SHOWN.format(endpoints));
        assertThat(handler.getByText("None of your plans covers this licence yet")).isVisible();
        Chromium.screenshots(handler, "journey-w2-05a-no-compatible-plan");

        assertThat(handler.getByLabel("Plan name")).hasValue(name + " (migrated)");
        handler.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create plan")).click();
        assertThat(handler.getByText("Created the plan")).isVisible();
        assertThat(plan(handler, name + " (migrated)")).isChecked();
        assertThat(planChoice(handler, name)).containsText("Compatible");
        verify(handler, token, "50", "w2");
        assertThat(handler.getByText("is now one of your customers")).isVisible();
        assertThat(handler.locator(".migration-stage").first()).hasText("Completed");
        Chromium.screenshots(handler, "journey-w2-06-completed");

        handler.locator("#portal-nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Customers"))
                .click();
        Locator row = handler.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(name));
        assertThat(row).containsText(SHOWN.format(endpoints));
        assertThat(row).containsText("Active");
        Chromium.screenshots(handler, "journey-w2-07-customers");

        journey.mailbox.open(handler, journey.handlerEmail, "Migration of \"" + name + "\" completed");
        assertThat(handler.locator(".mail-text")).containsText("is now one of your customers");
        journey.mailbox.open(handler, journey.handlerEmail, "Verify the migration of \"" + name + "\"");
        journey.mailbox.follow(handler, "/migrations/");
        assertThat(handler.locator(".migration-stage").first()).hasText("Completed");
        Locator history = handler.locator(".migration-history");
        assertThat(history).containsText("Raised");
        assertThat(history).containsText("Customer approval → MSP verification");
        assertThat(history).containsText("MSP verification → Completed");
        assertThat(history).containsText(journey.cloudAdminEmail);
        Chromium.screenshots(handler, "journey-w2-08-status-link");
    }

    @Test
    void aHybridCustomerWaitsForTheOperatorWhileItsUsageKeepsArriving(Page page) throws Exception {
        Journey journey = new Journey(page);
        String name = "株式会社さくら 🌸 " + journey.unique;
        LocalDate hybrid = journey.today.plusDays(300);
        LocalDate microsoft365 = journey.today.plusDays(120);
        TestMsps.actAs(journey.provider, Role.MSP_ADMINISTRATOR);
        try {
            plans.create(new CreateServicePlan("Enterprise, everything", Edition.ENTERPRISE,
                    UsageReportFrequency.MONTHLY, EnumSet.allOf(Workload.class)));
            plans.create(new CreateServicePlan("Business, Microsoft 365", Edition.BUSINESS,
                    UsageReportFrequency.MONTHLY, EnumSet.of(Workload.MICROSOFT_365)));
        } finally {
            TestMsps.actAsNobody();
        }

        String token = upToVerification(journey, name, form -> {
            form.getByLabel("Edition").selectOption("ENTERPRISE");
            form.getByLabel("VMware").check();
            form.getByLabel("NAS").check();
            form.getByLabel("Hybrid tenant expires on").fill(hybrid.toString());
            form.getByLabel("Microsoft 365 expires on").fill(microsoft365.toString());
            form.getByLabel("Past usage to carry over").fill("VMWARE," + journey.today.minusDays(5) + ",4.5\n"
                    + "NAS," + journey.today.minusDays(3) + ",2.25");
        }, "w1", List.of("Hybrid workloads", "Microsoft 365"));
        Page handler = journey.handler;
        assertThat(plan(handler, "Enterprise, everything")).isChecked();
        assertThat(plan(handler, "Business, Microsoft 365")).isDisabled();
        assertThat(planChoice(handler, "Business, Microsoft 365")).containsText("Does not cover the licence");
        verify(handler, token, "80", "w1");
        assertThat(handler.getByText("the platform operator now finalises")).isVisible();
        assertThat(handler.locator(".migration-stage").first()).hasText("Finalising");
        Chromium.screenshots(handler, "journey-w1-06a-finalising");

        String reference = handler.getByTestId("migration-reference").innerText();
        handler.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open the customer")).click();
        assertThat(handler.locator(".migration-banner")).containsText(reference);
        assertThat(handler.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit").setExact(true)))
                .hasCount(0);
        UUID customer = UUID.fromString(handler.url().substring(handler.url().lastIndexOf('/') + 1));
        Chromium.screenshots(handler, "journey-w1-06b-customer-locked");
        // A bookmarked edit link is refused, naming the migration.
        handler.navigate(Chromium.baseUrl(port) + "/customers/" + customer + "/edit");
        assertThat(handler.getByRole(AriaRole.ALERT)).containsText("being migrated by migration " + reference);

        String key = ingestKeyCreatedInThePortal(journey.admin);
        HttpResponse<String> ingested = sendUsage(key, customer, journey.today, "1.25");
        assertThat(ingested.statusCode()).as(ingested.body()).isEqualTo(200);

        Page operator = journey.operator;
        journey.mailbox.open(operator, journey.operatorEmail, "Finalise the migration of \"" + name + "\"");
        journey.mailbox.follow(operator, "/migrations/");
        assertThat(operator.locator(".migration-stage").first()).hasText("Finalising");
        Chromium.screenshots(operator, "journey-w1-07-operator-finalises");
        operator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Finalise")).click();
        assertThat(operator.getByText("Finalised: the customer is unlocked.")).isVisible();
        assertThat(operator.locator(".migration-stage").first()).hasText("Completed");
        Chromium.screenshots(operator, "journey-w1-08-completed");

        Page admin = journey.admin;
        admin.locator("#portal-nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Customers"))
                .click();
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).click();
        assertThat(admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit").setExact(true)))
                .isVisible();
        assertThat(admin.locator(".migration-banner")).hasCount(0);
        assertThat(admin.locator(".customer-page")).containsText(SHOWN.format(hybrid));
        admin.locator("#portal-nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Reports"))
                .click();
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Global Usage")).click();
        // The carried-over days may fall in the month before: this month alone would miss them.
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Last 30 days")).click();
        Locator usage = admin.getByTestId("customer-usage").locator("tbody tr")
                .filter(new Locator.FilterOptions().setHasText(name));
        assertThat(usage).containsText("8.00");
        assertThat(admin.getByTestId("total-credits")).hasText("8.00");
        Chromium.screenshots(admin, "journey-w1-09-global-usage");

        journey.mailbox.open(admin, journey.handlerEmail, "Migration of \"" + name + "\" completed");
        assertThat(admin.locator(".mail-text")).containsText("is now one of your customers");
    }

    /**
     * Both workflows up to the verification: registered and raised, nominated, approved from the
     * emailed link; the handler has their token and the migration open, its licensed products in view.
     */
    private String upToVerification(Journey journey, String name, Consumer<Locator> licence,
            String step, List<String> products) {
        registerAndRaise(journey, name, licence, step);
        nominate(journey, name, step);
        approveFromTheEmailedLink(journey, name, step);
        String token = handlerOpensTheVerificationEmail(journey);
        assertLicensedProductsInPlainView(journey.handler, products);
        return token;
    }

    /** The operator signs in, registers the account with the products {@code licence} fills in, and raises it. */
    private void registerAndRaise(Journey journey, String name, Consumer<Locator> licence,
            String step) {
        Page operator = journey.operator;
        journey.signIn.signIn(operator, journey.operatorEmail);
        operator.locator("#portal-nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Migrations"))
                .click();
        operator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Source accounts")).click();
        operator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Register an account")).click();
        Locator form = operator.locator("form.card");
        form.getByLabel("Account name").fill(name);
        form.getByLabel("Cloud administrator's email").fill(journey.cloudAdminEmail);
        licence.accept(form);
        Chromium.screenshots(operator, "journey-" + step + "-01-register");
        operator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register")).click();
        assertThat(operator.getByText("Registered \"" + name + "\".")).isVisible();

        Chromium.screenshots(operator, "journey-" + step + "-01-registered");
        operator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Migrate it now…")).click();
        operator.getByLabel("Into the MSP").selectOption(new SelectOption()
                .setLabel(journey.mspName));
        operator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Raise the migration")).click();
        assertThat(operator.getByText("were emailed")).isVisible();
        assertThat(operator.locator(".migration-stage").first()).hasText("Action required");
        Chromium.screenshots(operator, "journey-" + step + "-02-raised");
    }

    /** The MSP's administrator finds it under Migrations and nominates the cloud administrator and the handler. */
    private void nominate(Journey journey, String name, String step) {
        Page admin = journey.admin;
        journey.signIn.signIn(admin, journey.adminEmail);
        admin.locator("#portal-nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Migrations"))
                .click();
        Locator row = admin.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(name));
        assertThat(row).containsText("Action required");
        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name)).click();
        assertThat(admin.getByLabel("Customer's cloud administrator")).hasValue(journey.cloudAdminEmail);
        admin.getByLabel("MSP administrator handling it").selectOption(new SelectOption()
                .setLabel(journey.handlerEmail));
        Chromium.screenshots(admin, "journey-" + step + "-03-nominate");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the approval request")).click();
        assertThat(admin.getByText("Sent the approval link to " + journey.cloudAdminEmail)).isVisible();
        assertThat(admin.locator(".migration-stage").first()).hasText("Customer approval");
    }

    /**
     * The cloud administrator opens the emailed link, which shows what moves and approves nothing
     * (the MSP's page still waits for them), then approves by clicking.
     */
    private void approveFromTheEmailedLink(Journey journey, String name, String step) {
        Page cloudAdmin = journey.cloudAdmin;
        journey.mailbox.open(cloudAdmin, journey.cloudAdminEmail, "Approve the migration of \"" + name + "\"");
        journey.mailbox.follow(cloudAdmin, "/migration-approval/");
        assertThat(cloudAdmin.getByRole(AriaRole.HEADING,
                new Page.GetByRoleOptions().setName("Approve the migration?"))).isVisible();
        assertThat(cloudAdmin.locator(".approval-card")).containsText(name);
        assertThat(cloudAdmin.locator(".approval-card")).containsText(journey.mspName);
        Chromium.screenshots(cloudAdmin, "journey-" + step + "-04-approval");

        journey.admin.reload();
        assertThat(journey.admin.locator(".migration-stage").first()).hasText("Customer approval");

        cloudAdmin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve")).click();
        assertThat(cloudAdmin.getByText("the migration is approved")).isVisible();
        Chromium.screenshots(cloudAdmin, "journey-" + step + "-04-approved");
        journey.admin.reload();
        assertThat(journey.admin.locator(".migration-stage").first()).hasText("MSP verification");
    }

    /** The handler signs in, reads the token from their email and opens the migration from its link. */
    private String handlerOpensTheVerificationEmail(Journey journey) {
        Page handler = journey.handler;
        journey.signIn.signIn(handler, journey.handlerEmail);
        journey.mailbox.open(handler, journey.handlerEmail, "Verify the migration of");
        String token = journey.mailbox.find(handler, TOKEN);
        journey.mailbox.follow(handler, "/migrations/");
        assertThat(handler.locator(".migration-stage").first()).hasText("MSP verification");
        return token;
    }

    private static Locator plan(Page page, String name) {
        return page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(name));
    }

    private static Locator planChoice(Page page, String name) {
        return page.locator(".form-check").filter(new Locator.FilterOptions().setHasText(name));
    }

    private static void assertLicensedProductsInPlainView(Page page, List<String> products) {
        Locator table = page.locator(".licence-table");
        products.forEach(product -> assertThat(table).containsText(product));
        assertThat(table).isVisible();
    }

    private static void verify(Page handler, String token, String quota, String step) {
        handler.getByLabel("Verification token").fill(token);
        handler.getByLabel("Credit quota").fill(quota);
        Chromium.screenshots(handler, "journey-" + step + "-05-verification");
        handler.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify and migrate")).click();
    }

    private static String ingestKeyCreatedInThePortal(Page admin) {
        admin.locator("#portal-nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("API keys"))
                .click();
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create your first API key")).click();
        admin.getByLabel("Name").fill("Metering");
        admin.getByLabel("Usage ingest").check();
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create API key")).click();
        return admin.getByLabel("API key", new Page.GetByLabelOptions().setExact(true)).inputValue();
    }

    private HttpResponse<String> sendUsage(String key, UUID customer, LocalDate day, String credits) throws Exception {
        String record = "{\"customerId\": \"" + customer + "\", \"workload\": \"VMWARE\", \"date\": \"" + day
                + "\", \"credits\": " + credits + "}";
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                .uri(URI.create(Chromium.baseUrl(port) + "/api/v1/usage"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"records\": [" + record + "]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Another person's browser: a new context, as a separate browser profile would be. */
    private Page newPerson(Page any) {
        BrowserContext context = any.context().browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(1366, 850).setLocale("en-GB"));
        people.add(context);
        Page page = context.newPage();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type()) && !message.text().contains("status of 404")) {
                consoleErrors.add(message.text());
            }
        });
        return page;
    }
}
