package org.mspportal.identity;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.Mailbox;
import org.mspportal.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of the password step and the emailed code, one per test. */
@DatabaseTest
@Import(TestAccounts.class)
class SignInTests {

    @Autowired SignIn signIn;
    @Autowired TestAccounts testAccounts;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;

    Mailbox mailbox;
    Account admin;

    @BeforeEach
    void anActiveAdministrator() {
        mailbox = new Mailbox(jdbc);
        admin = testAccounts.active(testAccounts.provider(), Role.MSP_ADMINISTRATOR);
    }

    @Test
    void theRightPasswordAndTheEmailedCodeSignIn() {
        UUID attempt = passPasswordStep();

        SignIn.CodeOutcome outcome = signIn.checkCode(attempt, mailbox.latestCodeTo(admin.email()));

        assertThat(outcome).isInstanceOfSatisfying(SignIn.CodeOutcome.Accepted.class,
                accepted -> assertThat(accepted.principal().accountId()).isEqualTo(admin.id()));
    }

    @Test
    void aPastedCodeWithSpacesIsAccepted() {
        UUID attempt = passPasswordStep();
        String code = mailbox.latestCodeTo(admin.email());

        assertThat(signIn.checkCode(attempt, " " + code.substring(0, 3) + " " + code.substring(3) + "\n"))
                .isInstanceOf(SignIn.CodeOutcome.Accepted.class);
    }

    @Test
    void theCodeIsMailedAndOnlyItsHashIsStored() {
        UUID attempt = passPasswordStep();
        String code = mailbox.latestCodeTo(admin.email());

        String stored = jdbc.sql("SELECT code_hash FROM sign_in_attempt WHERE id = :id").param("id", attempt)
                .query(String.class).single();
        assertThat(stored).hasSize(64).doesNotContain(code);
    }

    @Test
    void aCodeExpiresAfterTenMinutes() {
        UUID attempt = passPasswordStep();
        String code = mailbox.latestCodeTo(admin.email());

        clock.advance(Duration.ofMinutes(10));

        assertThat(signIn.checkCode(attempt, code)).isInstanceOf(SignIn.CodeOutcome.Expired.class);
    }

    @Test
    void aCodeWorksOnlyOnce() {
        UUID attempt = passPasswordStep();
        String code = mailbox.latestCodeTo(admin.email());
        signIn.checkCode(attempt, code);

        assertThat(signIn.checkCode(attempt, code)).isInstanceOf(SignIn.CodeOutcome.StartAgain.class);
    }

    @Test
    void fiveWrongCodesEndTheAttemptEvenForTheRightCodeAfterwards() {
        UUID attempt = passPasswordStep();
        String code = mailbox.latestCodeTo(admin.email());
        for (int i = 1; i <= 4; i++) {
            assertThat(signIn.checkCode(attempt, wrong(code))).isEqualTo(new SignIn.CodeOutcome.Wrong(5 - i));
        }

        assertThat(signIn.checkCode(attempt, wrong(code))).isInstanceOf(SignIn.CodeOutcome.StartAgain.class);
        assertThat(signIn.checkCode(attempt, code)).isInstanceOf(SignIn.CodeOutcome.StartAgain.class);
    }

    @Test
    void aNewCodeVoidsTheOldOne() {
        UUID attempt = passPasswordStep();
        String first = mailbox.latestCodeTo(admin.email());
        clock.advance(Duration.ofSeconds(31));

        assertThat(signIn.resendCode(attempt)).isInstanceOf(SignIn.ResendOutcome.Sent.class);
        String second = mailbox.latestCodeTo(admin.email());

        if (!first.equals(second)) {
            assertThat(signIn.checkCode(attempt, first)).isInstanceOf(SignIn.CodeOutcome.Wrong.class);
        }
        assertThat(signIn.checkCode(attempt, second)).isInstanceOf(SignIn.CodeOutcome.Accepted.class);
    }

    @Test
    void sendingANewCodeDoesNotResetTheFailureCount() {
        UUID attempt = passPasswordStep();
        for (int i = 0; i < 4; i++) {
            signIn.checkCode(attempt, wrong(mailbox.latestCodeTo(admin.email())));
        }
        clock.advance(Duration.ofSeconds(31));
        signIn.resendCode(attempt);

        assertThat(signIn.checkCode(attempt, wrong(mailbox.latestCodeTo(admin.email()))))
                .isInstanceOf(SignIn.CodeOutcome.StartAgain.class);
    }

    @Test
    void aNewCodeCanBeSentOnlyEveryThirtySeconds() {
        UUID attempt = passPasswordStep();
        clock.advance(Duration.ofSeconds(10));

        assertThat(signIn.resendCode(attempt)).isInstanceOfSatisfying(SignIn.ResendOutcome.TooSoon.class,
                tooSoon -> assertThat(tooSoon.remaining()).isEqualTo(Duration.ofSeconds(20)));
        assertThat(mailbox.to(admin.email())).hasSize(1);
    }

    @Test
    void aCodeFromAnotherUsersAttemptIsRefused() {
        Account colleague = testAccounts.active(admin.providerId().orElseThrow(), Role.MSP_ADMINISTRATOR);
        UUID mine = passPasswordStep();
        var theirs = (SignIn.PasswordOutcome.SecondFactorNeeded) signIn.checkPassword(colleague.email(),
                TestAccounts.PASSWORD);
        String theirCode = mailbox.latestCodeTo(colleague.email());

        assertThat(signIn.checkCode(mine, theirCode)).isInstanceOf(SignIn.CodeOutcome.Wrong.class);
        assertThat(signIn.checkCode(theirs.attemptId(), theirCode)).isInstanceOf(SignIn.CodeOutcome.Accepted.class);
    }

    @Test
    void aNewSignInReplacesAnEarlierOneStillWaitingForItsCode() {
        UUID earlier = passPasswordStep();
        String earlierCode = mailbox.latestCodeTo(admin.email());
        passPasswordStep();

        assertThat(signIn.checkCode(earlier, earlierCode)).isInstanceOf(SignIn.CodeOutcome.StartAgain.class);
    }

    @Test
    void fiveWrongPasswordsWithinFifteenMinutesLockTheAccount() {
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(2));
            assertThat(signIn.checkPassword(admin.email(), "not the password " + i))
                    .isInstanceOf(SignIn.PasswordOutcome.Refused.class);
        }

        assertThat(testAccounts.reload(admin).locked()).isTrue();
        assertThat(signIn.checkPassword(admin.email(), TestAccounts.PASSWORD))
                .as("the right password no longer helps").isInstanceOf(SignIn.PasswordOutcome.Refused.class);
        assertThat(mailbox.latestTo(admin.email()).subject()).isEqualTo("Your MSP Portal account was locked");
    }

    @Test
    void wrongPasswordsSpreadOverMoreThanFifteenMinutesDoNotLock() {
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(4));
            signIn.checkPassword(admin.email(), "not the password " + i);
        }

        assertThat(testAccounts.reload(admin).locked()).isFalse();
    }

    @Test
    void lockingThrowsAwayTheAttemptWaitingForItsCode() {
        UUID attempt = passPasswordStep();
        String code = mailbox.latestCodeTo(admin.email());
        for (int i = 0; i < 5; i++) {
            signIn.checkPassword(admin.email(), "not the password " + i);
        }

        assertThat(signIn.checkCode(attempt, code)).isInstanceOf(SignIn.CodeOutcome.StartAgain.class);
    }

    @Test
    void anUnknownEmailIsRefusedLikeAWrongPassword() {
        assertThat(signIn.checkPassword("nobody-" + UUID.randomUUID() + "@msp.example", TestAccounts.PASSWORD))
                .isEqualTo(signIn.checkPassword(admin.email(), "not the password"));
    }

    @Test
    void anEmailIsMatchedWhateverItsCase() {
        assertThat(signIn.checkPassword(admin.email().toUpperCase(), TestAccounts.PASSWORD))
                .isInstanceOf(SignIn.PasswordOutcome.SecondFactorNeeded.class);
    }

    private UUID passPasswordStep() {
        SignIn.PasswordOutcome outcome = signIn.checkPassword(admin.email(), TestAccounts.PASSWORD);
        assertThat(outcome).isInstanceOf(SignIn.PasswordOutcome.SecondFactorNeeded.class);
        return ((SignIn.PasswordOutcome.SecondFactorNeeded) outcome).attemptId();
    }

    private static String wrong(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }
}
