package org.mspportal.identity;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/** How long sign-ins past the password step are kept. */
@DatabaseTest
@Import(TestAccounts.class)
class SignInAttemptsTests {

    @Autowired SignInAttempts attempts;
    @Autowired TestAccounts accounts;
    @Autowired TestClock clock;

    @Test
    void anAttemptIsForgottenADayAfterItStartedAndAYoungerOneIsKept() {
        UUID account = accounts.active(accounts.provider(), Role.MSP_ADMINISTRATOR).id();
        UUID old = attempts.start(account, clock.instant());
        clock.advance(Duration.ofHours(2));
        UUID young = attempts.start(accounts.active(accounts.provider(), Role.MSP_ADMINISTRATOR).id(), clock.instant());

        clock.advance(SignInAttempts.KEPT.minusHours(1));
        attempts.forgetOldAttempts();

        assertThat(attempts.findPending(old)).isEmpty();
        assertThat(attempts.findPending(young)).isPresent();
    }
}
