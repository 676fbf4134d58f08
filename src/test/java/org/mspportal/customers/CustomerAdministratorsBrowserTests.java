package org.mspportal.customers;

import java.time.Clock;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mspportal.BrowserTest;
import org.mspportal.Chromium;
import org.mspportal.Mailbox;
import org.mspportal.TestMsps;
import org.mspportal.identity.Role;
import org.mspportal.identity.SignedInAdministrator;
import org.mspportal.plans.ServicePlanManagement;
import org.mspportal.shared.StoredTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** An MSP administrator assigns a tenant administrator to a customer and removes them, in real Chromium. */
@BrowserTest
class CustomerAdministratorsBrowserTests {

    private static final String PASSWORD = "correct horse battery staple";

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
        String email = administratorOf(provider);
        Customer customer = customerOf(msps, provider, "株式会社サンプル 🚀 Café Müller");
        String path = Chromium.baseUrl(port) + "/customers/" + customer.id() + "/administrators";
        signIn(page, email);

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

    private String administratorOf(UUID provider) {
        String email = "customers-" + UUID.randomUUID() + "@msp.example";
        jdbc.sql("""
                INSERT INTO account (id, provider_id, email, display_name, role, status, password_hash, created_at,
                                     activated_at)
                VALUES (:id, :provider, :email, 'Customer administrator', 'MSP_ADMINISTRATOR', 'ACTIVE', :hash, :now,
                        :now)""")
                .param("id", UUID.randomUUID())
                .param("provider", provider)
                .param("email", email)
                .param("hash", passwords.encode(PASSWORD))
                .param("now", StoredTime.of(clock.instant()))
                .update();
        return email;
    }

    private void signIn(Page page, String email) {
        page.navigate(Chromium.baseUrl(port) + "/sign-in");
        page.getByLabel("Email address").fill(email);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next")).click();
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();
        page.getByLabel("Verification code").fill(new Mailbox(jdbc).latestCodeTo(email));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();
        assertThat(page).hasURL(Chromium.baseUrl(port) + "/");
    }
}
