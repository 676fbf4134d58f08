package org.mspportal.identity;

import java.util.Optional;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mspportal.BrowserTest;
import org.mspportal.Chromium;
import org.mspportal.Mailbox;
import org.mspportal.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The administrators pages in real Chromium under the strict CSP, as an MSP administrator and a read-only one use them. */
@BrowserTest
@Import(TestAccounts.class)
class AdministratorsBrowserTests {

    @LocalServerPort int port;
    @Autowired TestAccounts testAccounts;
    @Autowired AdministratorManagement administrators;
    @Autowired Accounts accounts;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;

    @Autowired PasswordEncoder passwords;

    UUID msp;
    String domain;
    Account admin;
    Account readOnly;
    Account locked;

    /** An MSP with an administrator in every status, under addresses like real ones. */
    @BeforeEach
    void anMspWithAdministratorsInEveryStatus() {
        msp = testAccounts.provider();
        domain = "@" + UUID.randomUUID().toString().substring(0, 6) + "-msp.example";
        admin = active("amelia.hart", Role.MSP_ADMINISTRATOR);
        readOnly = active("ben.okafor", Role.READ_ONLY_ADMINISTRATOR);
        locked = active("chloe.martin", Role.TENANT_ADMINISTRATOR);
        accounts.lock(locked.id(), clock.instant());
        Account deactivated = active("dmitri.ivanov", Role.MSP_ADMINISTRATOR);
        accounts.setStatus(deactivated.id(), AccountStatus.DEACTIVATED);
        TestAccounts.actAs(admin);
        try {
            administrators.invite("emma.schulz" + domain, Role.MSP_ADMINISTRATOR);
        } finally {
            TestAccounts.actAsNobody();
        }
    }

    @Test
    void anMspAdministratorInvitesAColleagueAndDeactivatesAnotherAfterConfirming(Page page) {
        signIn(page, admin);
        page.navigate(Chromium.baseUrl(port) + "/administrators");

        assertThat(page.locator(".admin-table tbody tr")).hasCount(5);
        for (String status : new String[] {"Active", "Invited", "Locked", "Deactivated"}) {
            assertThat(page.locator(".status-badge").filter(new Locator.FilterOptions().setHasText(status)).first())
                    .isVisible();
        }
        String activeColour = (String) page.locator(".status-badge.status-active").first()
                .evaluate("badge => getComputedStyle(badge).color");
        org.assertj.core.api.Assertions.assertThat(activeColour).as("the status colours of portal.css apply")
                .isNotEqualTo("rgb(255, 255, 255)");
        Chromium.screenshots(page, "administrators");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Invite administrator")).click();
        assertThat(page.getByLabel("Email address")).isFocused();
        Chromium.screenshots(page, "administrator-invite");
        page.getByLabel("Email address").fill("not an address");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send invitation")).click();
        assertThat(page.locator("#email-error")).containsText("is not an email address");
        Chromium.screenshots(page, "administrator-invite-error");

        String email = "zoë.yamada" + domain;
        page.getByLabel("Email address").fill(email);
        page.getByLabel("Read-only administrator").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send invitation")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Invitation sent to " + email + ".");

        // Before the scripts have loaded, the same button leads to a confirmation page instead.
        page.waitForLoadState(LoadState.LOAD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Actions for " + readOnly.email())).click();
        Chromium.screenshots(page, "administrators-actions");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Deactivate… " + readOnly.email())).click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).isVisible();
        assertThat(dialog).containsText("Every session of this account ends at once");
        page.waitForFunction("() => getComputedStyle(document.querySelector('.modal.show')).opacity === '1'");
        Chromium.screenshots(page, "administrators-deactivate");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Deactivate").setExact(true)).click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText(readOnly.email() + " is deactivated");
        assertThat(testAccounts.reload(readOnly).status()).isEqualTo(AccountStatus.DEACTIVATED);
    }

    @Test
    void onTheDetailPageAColleagueIsUnlockedAndADeactivationCanBeConfirmedWithoutTheDialog(Page page) {
        signIn(page, admin);
        page.navigate(Chromium.baseUrl(port) + "/administrators/" + locked.id());
        Chromium.screenshots(page, "administrator-detail");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Unlock and send password reset to " + locked.email())).click();

        assertThat(page).hasURL(Chromium.baseUrl(port) + "/administrators/" + locked.id());
        assertThat(page.getByRole(AriaRole.STATUS)).containsText(locked.email() + " is unlocked");
        assertThat(page.locator(".page-header .status-badge")).hasText("Active");

        page.navigate(Chromium.baseUrl(port) + "/administrators/" + locked.id() + "/deactivate");
        Chromium.screenshots(page, "administrator-deactivate-confirmation");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Deactivate").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText(locked.email() + " is deactivated");
        assertThat(page.locator(".page-header .status-badge")).hasText("Deactivated");
    }

    @Test
    void aReadOnlyAdministratorSeesTheListWithoutActionsAndAnotherMspsIdIsNotFound(Page page) {
        Account theirs = testAccounts.active(testAccounts.provider(), Role.MSP_ADMINISTRATOR);
        signIn(page, readOnly);
        page.navigate(Chromium.baseUrl(port) + "/administrators");

        assertThat(page.locator(".admin-table tbody tr")).hasCount(5);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Invite administrator"))).hasCount(0);
        assertThat(page.locator(".admin-table form")).hasCount(0);
        Chromium.screenshots(page, "administrators-read-only");

        page.getByText(admin.email()).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(admin.email()))).isVisible();
        Chromium.screenshots(page, "administrator-detail-read-only");

        Response response = page.navigate(Chromium.baseUrl(port) + "/administrators/" + theirs.id());
        assertThat(response.status()).isEqualTo(404);
        assertThat(page.getByText("We could not find that page")).isVisible();
        assertThat(page.content()).doesNotContain(theirs.email());
    }

    private Account active(String name, Role role) {
        Account account = Account.invited(Optional.of(msp), name + domain, name, role, clock.instant());
        accounts.add(account);
        accounts.activate(account.id(), passwords.encode(TestAccounts.PASSWORD), clock.instant());
        return accounts.find(account.id()).orElseThrow();
    }

    /** The real three steps, with the emailed code. */
    private void signIn(Page page, Account account) {
        page.navigate(Chromium.baseUrl(port) + "/sign-in");
        page.getByLabel("Email address").fill(account.email());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next")).click();
        page.getByLabel("Password").fill(TestAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();
        page.getByLabel("Verification code").fill(new Mailbox(jdbc).latestCodeTo(account.email()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();
        assertThat(page).hasURL(Chromium.baseUrl(port) + "/");
    }
}
