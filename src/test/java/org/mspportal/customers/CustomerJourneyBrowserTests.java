package org.mspportal.customers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.mspportal.BrowserSignIn;
import org.mspportal.BrowserTest;
import org.mspportal.Chromium;
import org.mspportal.TestMsps;
import org.mspportal.identity.Role;
import org.mspportal.plans.ServicePlan;
import org.mspportal.plans.ServicePlanManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Acceptance (issue 4): a new MSP administrator, in real Chromium and under the strict CSP, creates
 * a service plan, adds a customer with a Japanese name on it, finds it by searching the Customers
 * page, edits its credit quota, and reads all of it in the audit log.
 */
@BrowserTest
class CustomerJourneyBrowserTests {

    private static final String NAME = "株式会社テスト 🚀";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired PasswordEncoder passwords;
    @Autowired CustomerManagement customers;
    @Autowired ServicePlanManagement plans;

    @Test
    void aNewAdministratorAddsAFindsAndEditsACustomerAndSeesItAudited(Page page) {
        UUID provider = new TestMsps(jdbc, clock).provider();
        BrowserSignIn browser = new BrowserSignIn(jdbc, clock, passwords, port);
        browser.signIn(page, browser.administratorOf(provider));

        createAPlan(page);

        navigation(page, "Customers").click();
        assertThat(page.getByText("No customers yet")).isVisible();
        Chromium.screenshots(page, "customers-empty");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add customer")).click();
        addCustomerButton(page).click();
        assertThat(page.getByText("Enter the account name.")).isVisible();
        assertThat(page.getByText("Enter a credit quota, for example 12.5.")).isVisible();
        Chromium.screenshots(page, "customer-new-errors");

        page.getByLabel("Account name").fill(NAME);
        page.getByLabel("Organization name").fill("テスト・ホールディングス");
        page.getByLabel("Phone number").fill("+81 3 1234 5678");
        page.getByLabel("Address").fill("1-1 Chiyoda, Tokyo");
        page.getByLabel("Storage region").selectOption("ap-northeast-1");
        page.getByLabel("Credit quota").fill("250");
        Chromium.screenshots(page, "customer-new");
        addCustomerButton(page).click();
        assertThat(page.getByText("Added the customer")).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(NAME))).isVisible();

        moreCustomersAddedByColleagues(provider);
        navigation(page, "Customers").click();
        assertThat(page.locator(".customer-count")).hasText("7 customers");
        Chromium.screenshots(page, "customers");
        // A cell styled as something else (a flex box) leaves its column and draws a box of its own.
        org.assertj.core.api.Assertions.assertThat(page.locator(".customer-table tbody td").evaluateAll(
                "cells => cells.filter(cell => getComputedStyle(cell).display !== 'table-cell').length"))
                .as("customer table cells not laid out as table cells at laptop width").isEqualTo(0);

        page.getByLabel("Status").selectOption("SUSPENDED");
        assertThat(page.locator(".customer-count")).hasText("1 of 7 match");
        assertThat(page).hasURL(Chromium.baseUrl(port) + "/customers?sort=name&status=SUSPENDED");
        page.goBack();
        assertThat(page.locator(".customer-count")).hasText("7 customers");
        assertThat(page.getByLabel("Status")).hasValue("");

        page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("Search")).fill("株式会社");
        page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("Search")).press("Enter");
        assertThat(page.locator(".customer-count")).hasText("1 of 7 match");
        assertThat(page).hasURL(Pattern.compile(".*/customers\\?q=.*"));
        Chromium.screenshots(page, "customers-search");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(NAME)).click();

        assertThat(page.getByText("30 days left")).isVisible();
        Chromium.screenshots(page, "customer-detail");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Suspend")).click();
        assertThat(page.locator(".modal.show").getByText("Suspend this customer?")).isVisible();
        page.waitForFunction("() => getComputedStyle(document.querySelector('.modal.show')).opacity === '1'");
        Chromium.screenshots(page, "customer-suspend");
        page.locator(".modal.show").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Cancel")).click();
        assertThat(page.locator("#confirm-suspend")).isHidden();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit").setExact(true)).click();
        assertThat(page).hasURL(Pattern.compile(".*/customers/[0-9a-f-]+/edit"));
        assertThat(page.getByLabel("Credit quota")).hasValue("250");
        page.getByLabel("Credit quota").fill("300.5");
        Chromium.screenshots(page, "customer-edit");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
        assertThat(page.getByText("Saved the customer")).isVisible();
        assertThat(page.locator(".quota-amount").first()).containsText("300.5");

        navigation(page, "Audit").click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Created service plan \"Business – Microsoft 365\""))).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Added customer \"" + NAME + "\""))).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Changed customer \"" + NAME + "\"")).click();
        assertThat(page.locator(".audit-details")).containsText("\"creditQuota\":\"250.00\"");
        assertThat(page.locator(".audit-details")).containsText("\"creditQuota\":\"300.50\"");
        Chromium.screenshots(page, "customer-audit-entry");
    }

    private void createAPlan(Page page) {
        navigation(page, "Service Plans").click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create your first service plan")).click();
        page.getByLabel("Name").fill("Business – Microsoft 365");
        page.getByLabel("Microsoft 365").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create plan")).click();
        assertThat(page.getByText("Created the service plan")).isVisible();
    }

    /** Six more customers in various states, so the list looks as it does after a while. */
    private void moreCustomersAddedByColleagues(UUID provider) {
        TestMsps.actAs(provider, Role.MSP_ADMINISTRATOR);
        try {
            UUID plan = plans.list(false).stream().map(ServicePlan::id).findFirst().orElseThrow();
            LocalDate today = LocalDate.now(clock);
            customers.register(customer("شركة النسخ الاحتياطي", "Gulf Data Services", plan, TenantType.COMMERCIAL,
                    "eu-west-1", "1500", today.plusDays(9)));
            customers.register(customer("Café Müller GmbH", null, plan, null, "eu-central-1", "12.5",
                    today.plusYears(1)));
            Customer lapsed = customers.register(customer("Northwind Traders", "Northwind Holdings International Ltd.",
                    plan, TenantType.COMMERCIAL, "us-east-1", "80", today.minusDays(3)));
            customers.suspend(lapsed.id());
            customers.register(customer("Contoso Pharmaceuticals", "Contoso Group", plan, TenantType.COMMERCIAL,
                    "us-west-2", "2400.75", today.plusDays(200)));
            customers.register(customer("Backup 🚀 Rocket", null, plan, null, "ap-southeast-2", "5", today.plusDays(25)));
            customers.register(customer("Fabrikam", "Fabrikam Inc.", plan, TenantType.COMMERCIAL, "eu-west-1", "640",
                    today.plusDays(400)));
        } finally {
            TestMsps.actAsNobody();
        }
    }

    private RegisterCustomer customer(String name, String organization, UUID plan, TenantType type, String region,
            String credits, LocalDate licence) {
        LocalDate today = LocalDate.now(clock);
        return new RegisterCustomer(name, organization, null, null, plan, type, region, new BigDecimal(credits), today,
                today.plusYears(1), licence);
    }

    private static Locator navigation(Page page, String section) {
        return page.locator("#portal-nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(section));
    }

    private static Locator addCustomerButton(Page page) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add customer"));
    }
}
