package org.mspportal.customers;

import java.time.Clock;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mspportal.BrowserSignIn;
import org.mspportal.BrowserTest;
import org.mspportal.Chromium;
import org.mspportal.TestMsps;
import org.mspportal.identity.Role;
import org.mspportal.identity.SignedInAdministrator;
import org.mspportal.plans.ServicePlanManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** An MSP administrator assigns a tenant administrator to a customer and removes them, in real Chromium. */
@BrowserTest
class CustomerAdministratorsBrowserTests {


    @LocalServerPort int port;
    @Autowired CustomerManagement customers;
    @Autowired ServicePlanManagement plans;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired PasswordEncoder passwords;

    @AfterEach
    void signOut() {
        TestMsps.actAsNobody();
    }

    @Test
    void anAdministratorAssignsAndRemovesATenantAdministrator(Page page) {
        TestMsps msps = new TestMsps(jdbc, clock);
        UUID provider = msps.provider();
        BrowserSignIn browser = new BrowserSignIn(jdbc, clock, passwords, port);
        String email = browser.administratorOf(provider);
        Customer customer = customerOf(msps, provider, "株式会社サンプル 🚀 Café Müller");
        String path = Chromium.baseUrl(port) + "/customers/" + customer.id() + "/administrators";
        browser.signIn(page, email);

        page.navigate(path);
        assertThat(page.getByText("No tenant administrators yet")).isVisible();
        Chromium.screenshots(page, "customer-administrators-none");

        SignedInAdministrator tenant = msps.stored(provider, Role.TENANT_ADMINISTRATOR);
        msps.stored(provider, Role.TENANT_ADMINISTRATOR);
        page.navigate(path);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assign")).click();
        assertThat(page.getByText("Choose a tenant administrator.")).isVisible();
        Chromium.screenshots(page, "customer-administrators-error");

        page.getByLabel("Tenant administrator", new Page.GetByLabelOptions().setExact(true))
                .selectOption(tenant.accountId().toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assign")).click();
        assertThat(page.getByText("Assigned " + tenant.email())).isVisible();
        assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName(tenant.email())
                .setExact(true))).isVisible();
        Chromium.screenshots(page, "customer-administrators");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove " + tenant.email())).click();
        assertThat(page.locator(".modal.show").getByText("Remove this tenant administrator?")).isVisible();
        page.waitForFunction("() => getComputedStyle(document.querySelector('.modal.show')).opacity === '1'");
        Chromium.screenshots(page, "customer-administrators-remove");
        page.locator(".modal.show").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Remove").setExact(true)).click();
        assertThat(page.getByText("Removed " + tenant.email())).isVisible();
        assertThat(page.getByText("No tenant administrator assigned")).isVisible();
    }

    private Customer customerOf(TestMsps msps, UUID provider, String name) {
        TestMsps.actAs(msps.stored(provider, Role.MSP_ADMINISTRATOR));
        try {
            return new TestCustomers(plans, customers, clock).registered(name);
        } finally {
            TestMsps.actAsNobody();
        }
    }
}
