package org.mspportal.migration;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.mspportal.BrowserSignIn;
import org.mspportal.BrowserTest;
import org.mspportal.Chromium;
import org.mspportal.TestClock;
import org.mspportal.plans.ServicePlanManagement;
import org.mspportal.plans.Workload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.mspportal.migration.MigrationFixtures.credits;

/**
 * The cloud administrator approves from the emailed link and the handler verifies on the migration's
 * page, in real Chromium, with screenshots of each page (the full journey from the operator's side is
 * another test's).
 */
@BrowserTest
class MigrationBrowserTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired PasswordEncoder passwords;
    @Autowired SourceAccountManagement sources;
    @Autowired MigrationManagement migrations;
    @Autowired ServicePlanManagement plans;

    @Test
    void theCustomerApprovesAndTheHandlerVerifiesASaasMigration(Page page) {
        MigrationFixtures msp = new MigrationFixtures(jdbc, clock, sources, migrations, plans);
        BrowserSignIn signIn = new BrowserSignIn(jdbc, clock, passwords, port);
        String handler = signIn.administratorOf(msp.provider);
        UUID handlerId = jdbc.sql("SELECT id FROM account WHERE email = :email").param("email", handler)
                .query(UUID.class).single();
        String name = "株式会社 テスト 🚀 " + UUID.randomUUID().toString().substring(0, 4);
        Migration migration = msp.raised(msp.saasAccount(name,
                List.of(credits(Workload.MICROSOFT_365, msp.today().minusDays(1), "2.5"))));
        msp.as(msp.admin, () -> migrations.nominate(migration.id(),
                new Nomination("cloud-admin@customer.example", handlerId, null)));

        page.navigate(Chromium.baseUrl(port) + "/migration-approval/" + msp.approvalToken());
        assertThat(page.getByText(name).first()).isVisible();
        Chromium.screenshots(page, "migration-approval");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve")).click();
        assertThat(page.getByText("the migration is approved")).isVisible();
        Chromium.screenshots(page, "migration-approved");

        String token = new org.mspportal.Mailbox(jdbc).latestTo(handler).text()
                .lines().map(String::strip).filter(line -> line.matches("[A-Za-z0-9_-]{43}")).findFirst().orElseThrow();
        signIn.signIn(page, handler);
        page.navigate(Chromium.baseUrl(port) + "/migrations");
        Chromium.screenshots(page, "migrations");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).click();
        assertThat(page.getByText("Compatible").first()).isVisible();
        page.getByLabel("Verification token").fill(token);
        page.getByLabel("Credit quota").fill("120");
        Chromium.screenshots(page, "migration-verification");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify and migrate")).click();
        assertThat(page.getByText("is now one of your customers")).isVisible();
        Chromium.screenshots(page, "migration-completed");
    }

    @Test
    void theOperatorRegistersAnAccountAndRaisesItsMigration(Page page) {
        MigrationFixtures msp = new MigrationFixtures(jdbc, clock, sources, migrations, plans);
        String name = "Crème brûlée Café 🍮 " + UUID.randomUUID().toString().substring(0, 4);
        signInAsOperator(page);

        page.navigate(Chromium.baseUrl(port) + "/migrations");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Source accounts")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Register an account")).click();
        page.getByLabel("Account name").fill(name);
        page.getByLabel("Cloud administrator's email").fill("not an email");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register")).click();
        assertThat(page.getByText("is not a valid email address")).isVisible();
        Chromium.screenshots(page, "source-account-errors");
        page.getByLabel("Cloud administrator's email").fill("it@cafe.example");
        page.getByLabel("Edition").selectOption("ENTERPRISE");
        page.getByLabel("VMware").check();
        page.getByLabel("Hybrid tenant expires on").fill(msp.today().plusYears(4).toString());
        page.getByLabel("Endpoints expire on").fill(msp.today().plusYears(1).toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register")).click();
        assertThat(page.getByText("Registered")).isVisible();
        Chromium.screenshots(page, "source-accounts");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Migrate it now…")).click();
        page.getByLabel("Into the MSP").selectOption(msp.provider.toString());
        Chromium.screenshots(page, "migration-raise");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Raise the migration")).click();
        assertThat(page.getByText("were emailed")).isVisible();
        Chromium.screenshots(page, "migration-operator");
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("breadcrumb"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Migrations"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Migrations"))).isVisible();
        Chromium.screenshots(page, "migrations-operator");

        // Other tests' migrations may put this one pages back in the newest-first list: the operator searches.
        Locator search = page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("Search"));
        search.fill("brûlée");
        page.getByLabel("Stage").selectOption("Still open");
        search.press("Enter");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name))).isVisible();
        assertThat(page.getByLabel("Stage")).hasValue("OPEN");
        Chromium.screenshots(page, "migrations-operator-search");
    }

    @Test
    void theOperatorImportsAccountsFromACsvFileAfterFixingARefusedLine(Page page) {
        String name = "Ελληνικά 🚀 " + UUID.randomUUID().toString().substring(0, 4);
        String header = "name,cloudAdministratorEmail,status,hybridEdition,hybridWorkloads,hybridExpiry,"
                + "microsoft365Expiry,googleWorkspaceExpiry,endpointsExpiry\n";
        String expiry = LocalDate.now(clock).plusYears(1).toString();
        signInAsOperator(page);

        page.navigate(Chromium.baseUrl(port) + "/source-accounts");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Import CSV")).click();
        page.getByLabel("CSV file").setInputFiles(csv(header + name + ",it@one.example,active,,,," + expiry + ",,\n"
                + name + " two,not an address,active,ENTERPRISE,VMWARE;NAS,,,,\n"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click();
        assertThat(page.getByText("Nothing was imported")).isVisible();
        assertThat(page.getByRole(AriaRole.TABLE)).containsText("cloudAdministratorEmail");
        assertThat(page.getByRole(AriaRole.TABLE)).containsText("hybridExpiry");
        Chromium.screenshots(page, "source-account-import-refused");

        page.getByLabel("CSV file").setInputFiles(csv(header + name + ",it@one.example,active,,,," + expiry + ",,\n"
                + name + " two,it@two.example,suspended,ENTERPRISE,VMWARE;NAS," + expiry + ",,,\n"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click();
        assertThat(page.getByText("Imported 2 accounts.")).isVisible();
        page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("Search")).fill(name);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
        assertThat(page.getByRole(AriaRole.TABLE)).containsText(name + " two");
        assertThat(page.getByRole(AriaRole.ROW)).hasCount(3); // the header and the two imported accounts
        Chromium.screenshots(page, "source-accounts-imported");
    }

    private void signInAsOperator(Page page) {
        BrowserSignIn signIn = new BrowserSignIn(jdbc, clock, passwords, port);
        signIn.signIn(page, signIn.operator());
    }

    private static FilePayload csv(String content) {
        return new FilePayload("accounts.csv", "text/csv",
                content.getBytes(StandardCharsets.UTF_8));
    }
}
