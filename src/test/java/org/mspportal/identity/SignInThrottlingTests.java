package org.mspportal.identity;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.Mailbox;
import org.mspportal.PortalClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every sign-in step over HTTP refuses tries beyond its allowance (three a minute here), per client
 * address and per account, with a page that says so and without doing the step: the right password
 * or code is refused too, and no mail goes out. Each test browses from addresses of its own
 * (X-Forwarded-For, honoured as behind a reverse proxy), since the allowances outlive a test. The
 * arithmetic of the limits is in {@link SignInThrottleTests}.
 */
@DatabaseTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"portal.sign-in.tries-per-minute=3", "server.forward-headers-strategy=native"})
@Import(TestAccounts.class)
class SignInThrottlingTests {

    private static final String REFUSED = "Too many tries from here";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @LocalServerPort int port;
    @Autowired TestAccounts testAccounts;
    @Autowired JdbcClient jdbc;

    Mailbox mailbox;
    Account admin;

    @BeforeEach
    void anAdministrator() {
        jdbc.sql("DELETE FROM sign_in_throttle").update(); // kept in the database, shared with other classes
        mailbox = new Mailbox(jdbc);
        admin = testAccounts.active(testAccounts.provider(), Role.MSP_ADMINISTRATOR);
    }

    @Test
    void theFourthTryOfAStepWithinAMinuteIsTurnedAway() {
        PortalClient browser = browserAtANewAddress();
        browser.get("/sign-in");
        for (int i = 0; i < 3; i++) {
            assertThat(browser.post("/sign-in", "email", "someone@msp.example").status()).isEqualTo(302);
        }

        PortalClient.Page fourth = browser.post("/sign-in", "email", "someone@msp.example");

        assertThat(fourth.status()).isEqualTo(200);
        assertThat(fourth.body()).contains(REFUSED);
    }

    @Test
    void afterThreeWrongPasswordsEvenTheRightOneIsTurnedAway() {
        PortalClient browser = browserAtANewAddress();
        HttpSignIn steps = new HttpSignIn(browser, mailbox);
        steps.startWithEmail(admin);
        browser.get("/sign-in/password");
        for (int i = 0; i < 3; i++) {
            assertThat(browser.post("/sign-in/password", "password", "wrong " + i).body()).doesNotContain(REFUSED);
        }

        PortalClient.Page fourth = steps.passPassword();

        assertThat(fourth.status()).isEqualTo(200);
        assertThat(fourth.body()).contains(REFUSED);
    }

    @Test
    void anAccountsPasswordAllowanceHoldsFromEveryAddress() {
        PortalClient first = browserAtANewAddress();
        new HttpSignIn(first, mailbox).startWithEmail(admin);
        first.get("/sign-in/password");
        for (int i = 0; i < 3; i++) {
            first.post("/sign-in/password", "password", "wrong " + i);
        }
        HttpSignIn elsewhere = new HttpSignIn(browserAtANewAddress(), mailbox);
        elsewhere.startWithEmail(admin);

        PortalClient.Page rightPassword = elsewhere.passPassword();

        assertThat(rightPassword.status()).isEqualTo(200);
        assertThat(rightPassword.body()).contains(REFUSED);
    }

    @Test
    void afterThreeWrongCodesEvenTheRightOneIsTurnedAway() {
        PortalClient browser = atTheCodeStep();
        for (int i = 0; i < 3; i++) {
            assertThat(browser.post("/sign-in/code", "code", "00000" + i).body()).doesNotContain(REFUSED);
        }

        PortalClient.Page rightCode = browser.post("/sign-in/code", "code", mailbox.latestCodeTo(admin.email()));

        assertThat(rightCode.status()).as("not signed in").isEqualTo(200);
        assertThat(rightCode.body()).contains(REFUSED);
    }

    @Test
    void askingForNewCodesUsesTheSameAllowanceAsEnteringThem() {
        PortalClient browser = atTheCodeStep();
        for (int i = 0; i < 3; i++) {
            assertThat(browser.post("/sign-in/code/resend").body()).doesNotContain(REFUSED);
        }
        int mailsBefore = mailbox.to(admin.email()).size();

        PortalClient.Page fourthResend = browser.post("/sign-in/code/resend");
        PortalClient.Page rightCode = browser.post("/sign-in/code", "code", mailbox.latestCodeTo(admin.email()));

        assertThat(fourthResend.body()).contains(REFUSED);
        assertThat(rightCode.body()).contains(REFUSED);
        assertThat(mailbox.to(admin.email())).hasSize(mailsBefore);
    }

    @Test
    void theFourthPasswordResetRequestIsTurnedAwayAndMailsNothing() {
        PortalClient browser = browserAtANewAddress();
        browser.get("/forgot-password");
        for (int i = 0; i < 3; i++) {
            assertThat(browser.post("/forgot-password", "email", admin.email()).body()).doesNotContain(REFUSED);
        }
        int mailsBefore = mailbox.to(admin.email()).size();

        PortalClient.Page fourth = browser.post("/forgot-password", "email", admin.email());

        assertThat(fourth.status()).isEqualTo(200);
        assertThat(fourth.body()).contains(REFUSED);
        assertThat(mailbox.to(admin.email())).hasSize(mailsBefore);
    }

    @Test
    void choosingAPasswordThroughALinkIsLimitedToo() {
        PortalClient forgetful = browserAtANewAddress();
        forgetful.get("/forgot-password");
        forgetful.post("/forgot-password", "email", admin.email());
        String link = mailbox.latestLinkPathTo(admin.email());
        PortalClient browser = browserAtANewAddress();
        browser.get(link);
        for (int i = 0; i < 3; i++) {
            assertThat(browser.post(link, "password", "short", "confirmation", "short").body())
                    .doesNotContain(REFUSED);
        }

        PortalClient.Page fourth = browser.post(link, "password", "a long and good new password 42",
                "confirmation", "a long and good new password 42");

        assertThat(fourth.status()).as("no password set").isEqualTo(200);
        assertThat(fourth.body()).contains(REFUSED);
    }

    /** A browser at a new address that has passed the email and password steps. */
    private PortalClient atTheCodeStep() {
        PortalClient browser = browserAtANewAddress();
        HttpSignIn steps = new HttpSignIn(browser, mailbox);
        steps.startWithEmail(admin);
        assertThat(steps.passPassword().redirectsTo("/sign-in/code")).isTrue();
        browser.get("/sign-in/code");
        return browser;
    }

    /** A browser at a documentation address (RFC 5737) no other test of this class uses. */
    private PortalClient browserAtANewAddress() {
        return new PortalClient(port, "198.51.100." + ADDRESSES.incrementAndGet());
    }
}
