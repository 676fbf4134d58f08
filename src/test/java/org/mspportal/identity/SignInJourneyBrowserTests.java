package org.mspportal.identity;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.mspportal.BrowserTest;
import org.mspportal.Chromium;
import org.mspportal.DevMailboxReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The first hour of a new installation, in real Chromium: the bootstrapped operator activates
 * their account from the development mailbox, signs in with the emailed code, onboards an MSP,
 * and that MSP's first administrator activates and signs in, pasting their code in one go.
 */
@BrowserTest
class SignInJourneyBrowserTests {

    private static final String OPERATOR = "operator@localhost";
    private static final String OPERATOR_PASSWORD = "lantern meadow copper 4821";
    private static final String ADMIN_PASSWORD = "violet harbour engine 9350";
    private static final Pattern CODE = Pattern.compile("(?m)^\\s*(\\d{6})\\s*$");

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void theOperatorOnboardsAnMspWhoseAdministratorThenSignsIn(Page page) {
        requireTheOperatorStillInvited();
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String mspName = "Journey MSP " + unique;
        String admin = "first-admin-" + unique + "@journey.example";

        activateFromTheMailbox(page, OPERATOR, OPERATOR_PASSWORD, "journey-01");
        signIn(page, OPERATOR, OPERATOR_PASSWORD, false, "journey-02");
        assertThat(page.getByText("You run this portal")).isVisible();
        assertThat(page.getByText("Onboard MSPs with their first administrators")).isVisible();
        Chromium.screenshots(page, "journey-03-operator-home");

        onboard(page, mspName, admin);
        suspendAndReinstate(page, mspName);
        signOut(page, OPERATOR);

        activateFromTheMailbox(page, admin, ADMIN_PASSWORD, "journey-10");
        signIn(page, admin, ADMIN_PASSWORD, true, "journey-11");
        assertThat(page.getByText("Service plans, customers, usage and migrations")).isVisible();
        assertThat(page.locator("#portal-nav").getByText("MSPs")).hasCount(0);
        Chromium.screenshots(page, "journey-12-administrator-home");
        signOut(page, admin);
        Chromium.screenshots(page, "journey-13-signed-out");
    }

    /** Only this journey activates the bootstrapped operator; anything else means the database was not fresh. */
    private void requireTheOperatorStillInvited() {
        String status = jdbc.sql("SELECT status FROM account WHERE email = :email").param("email", OPERATOR)
                .query(String.class).optional().orElse("missing");
        if (!status.equals("INVITED")) {
            fail("The journey needs the bootstrapped operator " + OPERATOR + " still waiting for activation, but it is "
                    + status + ": has another test activated it?");
        }
    }

    private void activateFromTheMailbox(Page page, String email, String password, String step) {
        openNewestMail(page, email, "Activate your MSP Portal account");
        Chromium.screenshots(page, step + "-mailbox");
        new DevMailboxReader(jdbc, port).follow(page, "/activate/");

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Activate your account")))
                .isVisible();
        assertThat(page.getByText(email)).isVisible();
        page.getByLabel("New password").fill(password);
        page.getByLabel("Type it again").fill(password);
        Chromium.screenshots(page, step + "-activate");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Activate my account")).click();

        assertThat(page).hasURL(url("/sign-in?activated"));
        assertThat(page.getByText("Your password is set")).isVisible();
    }

    /**
     * Email, password, then the code from the development mailbox, read in a second tab as a
     * person would. {@code paste} puts the whole code in at once, as pasting does.
     */
    private void signIn(Page page, String email, String password, boolean paste, String step) {
        page.navigate(url("/sign-in"));
        page.getByLabel("Email address").fill(email);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next")).click();
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();
        assertThat(page.getByText("We emailed a 6-digit code")).isVisible();
        Chromium.screenshots(page, step + "-code");

        String code = codeFromTheMailbox(page, email);
        Locator field = page.getByLabel("Verification code");
        if (paste) {
            field.focus();
            page.keyboard().insertText(code);
            assertThat(field).hasValue(code);
        } else {
            field.fill(code);
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Welcome to MSP Portal")))
                .isVisible();
        // After the check in signOut, the page first asked for is the home page (with Spring's marker).
        assertThat(page.url()).isIn(url("/"), url("/?continue"));
    }

    private String codeFromTheMailbox(Page page, String email) {
        Page mailbox = page.context().newPage();
        try {
            openNewestMail(mailbox, email, "Your MSP Portal sign-in code");
            Matcher code = CODE.matcher(mailbox.locator(".mail-text").innerText());
            assertThat(code.find()).as("a code in the mail to " + email).isTrue();
            return code.group(1);
        } finally {
            mailbox.close();
        }
    }

    private void onboard(Page page, String mspName, String admin) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("MSPs Onboard MSPs")).click();
        assertThat(page).hasURL(url("/providers"));
        Chromium.screenshots(page, "journey-04-msps");
        page.locator("a[href='/providers/new']").first().click();

        page.getByLabel("MSP name").fill(mspName);
        page.getByLabel("First administrators' emails").fill("not-an-email");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Onboard and send invitations")).click();
        assertThat(page.getByText("\"not-an-email\" is not an email address.")).isVisible();
        assertThat(page.getByLabel("MSP name")).hasValue(mspName);
        Chromium.screenshots(page, "journey-05-onboard-error");

        page.getByLabel("First administrators' emails").fill(admin);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Onboard and send invitations")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(mspName))).isVisible();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Activation emails sent to " + admin + ".");
        assertThat(page.locator(".administrator-list")).containsText(admin);
        assertThat(page.locator(".administrator-list")).containsText("Activation pending");
        Chromium.screenshots(page, "journey-06-msp");
    }

    private void suspendAndReinstate(Page page, String mspName) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Suspend").setExact(true)).click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).containsText("Suspend " + mspName + "?");
        Chromium.screenshots(page, "journey-07-suspend-dialog");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Suspend MSP")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("is suspended");
        assertThat(page.getByText("This MSP is suspended")).isVisible();
        Chromium.screenshots(page, "journey-08-suspended");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reinstate").setExact(true)).click();
        page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Reinstate MSP")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("is active again");
        Chromium.screenshots(page, "journey-09-reinstated");

        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("breadcrumb"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("MSPs")).click();
        assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(mspName)))
                .containsText("Active");
        Chromium.screenshots(page, "journey-09-msps");
    }

    private void signOut(Page page, String email) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(email)).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page).hasURL(url("/sign-in?signed-out"));
        page.navigate(url("/"));
        assertThat(page).hasURL(url("/sign-in"));
    }

    private void openNewestMail(Page page, String recipient, String subject) {
        new DevMailboxReader(jdbc, port).open(page, recipient, subject);
    }

    private String url(String path) {
        return Chromium.baseUrl(port) + path;
    }
}
