package org.mspportal.identity;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.PortalClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The sign-in pages apply the rate limit (its arithmetic is in {@link SignInThrottleTests}). */
@DatabaseTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "portal.sign-in.tries-per-minute=3")
class SignInThrottlingTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    /** The allowance is kept in the database, where other test classes have signed in from this address too. */
    @BeforeEach
    void forgetEarlierTries() {
        jdbc.sql("DELETE FROM sign_in_throttle").update();
    }

    @Test
    void theFourthTryOfAStepWithinAMinuteIsTurnedAway() {
        PortalClient browser = new PortalClient(port);
        browser.get("/sign-in");
        for (int i = 0; i < 3; i++) {
            assertThat(browser.post("/sign-in", "email", "someone@msp.example").status()).isEqualTo(302);
        }

        PortalClient.Page fourth = browser.post("/sign-in", "email", "someone@msp.example");

        assertThat(fourth.status()).isEqualTo(200);
        assertThat(fourth.body()).contains("Too many tries from here");
    }
}
