package org.mspportal.identity;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
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

/** Signing in with a code from an authenticator app instead of an emailed one. */
@DatabaseTest
@Import(TestAccounts.class)
class AuthenticatorSignInTests {

    @Autowired SignIn signIn;
    @Autowired Accounts accounts;
    @Autowired TestAccounts testAccounts;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;

    Mailbox mailbox;
    Account admin;
    AuthenticatorSecret secret;
    AuthenticatorCodes codes;

    @BeforeEach
    void anAdministratorWithAnAuthenticatorApp() {
        mailbox = new Mailbox(jdbc);
        admin = testAccounts.active(testAccounts.provider(), Role.MSP_ADMINISTRATOR);
        secret = AuthenticatorSecret.generate();
        accounts.setAuthenticator(admin.id(), Optional.of(secret), OptionalLong.empty());
        codes = new AuthenticatorCodes(clock);
    }

    @Test
    void thePasswordStepAsksForAnAppCodeAndMailsNothing() {
        SignIn.PasswordOutcome outcome = signIn.checkPassword(admin.email(), TestAccounts.PASSWORD);

        assertThat(outcome).isInstanceOfSatisfying(SignIn.PasswordOutcome.SecondFactorNeeded.class,
                needed -> assertThat(needed.factor()).isEqualTo(SecondFactor.AUTHENTICATOR_APP));
        assertThat(mailbox.to(admin.email())).isEmpty();
    }

    @Test
    void theCodeTheAppShowsNowSignsIn() {
        UUID attempt = passPasswordStep();

        SignIn.CodeOutcome outcome = signIn.checkCode(attempt, codes.codeAt(secret, clock.instant()));

        assertThat(outcome).isInstanceOfSatisfying(SignIn.CodeOutcome.Accepted.class,
                accepted -> assertThat(accepted.principal().accountId()).isEqualTo(admin.id()));
    }

    @Test
    void theSignInIsRecordedAsMadeWithTheApp() {
        signIn.checkCode(passPasswordStep(), codes.codeAt(secret, clock.instant()));

        assertThat(jdbc.sql("SELECT method FROM sign_in_record WHERE account_id = :id").param("id", admin.id())
                .query(String.class).list()).containsExactly("AUTHENTICATOR_APP");
    }

    @Test
    void aCodeThatSignedInOnceIsRefusedForANewAttempt() {
        String code = codes.codeAt(secret, clock.instant());
        signIn.checkCode(passPasswordStep(), code);

        SignIn.CodeOutcome replayed = signIn.checkCode(passPasswordStep(), code);

        assertThat(replayed).isInstanceOf(SignIn.CodeOutcome.Wrong.class);
    }

    @Test
    void theNextCodeOfTheAppWorksAfterTheFirstWasUsed() {
        signIn.checkCode(passPasswordStep(), codes.codeAt(secret, clock.instant()));
        clock.advance(AuthenticatorCodes.STEP);

        assertThat(signIn.checkCode(passPasswordStep(), codes.codeAt(secret, clock.instant())))
                .isInstanceOf(SignIn.CodeOutcome.Accepted.class);
    }

    @Test
    void anEmailedCodeCannotBeRequestedInstead() {
        UUID attempt = passPasswordStep();

        assertThat(signIn.resendCode(attempt)).isInstanceOf(SignIn.ResendOutcome.StartAgain.class);
        assertThat(mailbox.to(admin.email())).isEmpty();
    }

    @Test
    void wrongAppCodesCountTowardsTheFiveTries() {
        UUID attempt = passPasswordStep();
        String right = codes.codeAt(secret, clock.instant());
        for (int i = 1; i <= 4; i++) {
            assertThat(signIn.checkCode(attempt, wrongOf(right))).isEqualTo(new SignIn.CodeOutcome.Wrong(5 - i));
        }

        assertThat(signIn.checkCode(attempt, wrongOf(right))).isInstanceOf(SignIn.CodeOutcome.StartAgain.class);
        assertThat(signIn.checkCode(attempt, right))
                .as("the right code no longer helps").isInstanceOf(SignIn.CodeOutcome.StartAgain.class);
    }

    @Test
    void aCodeFromTheAppOutsideTheToleratedDriftIsRefused() {
        UUID attempt = passPasswordStep();

        String twoStepsOld = codes.codeAt(secret, clock.instant().minus(Duration.ofSeconds(65)));

        assertThat(signIn.checkCode(attempt, twoStepsOld)).isInstanceOf(SignIn.CodeOutcome.Wrong.class);
    }

    private UUID passPasswordStep() {
        SignIn.PasswordOutcome outcome = signIn.checkPassword(admin.email(), TestAccounts.PASSWORD);
        assertThat(outcome).isInstanceOf(SignIn.PasswordOutcome.SecondFactorNeeded.class);
        return ((SignIn.PasswordOutcome.SecondFactorNeeded) outcome).attemptId();
    }

    /** Another six digits; can never equal the code of a neighbouring step by accident here. */
    private String wrongOf(String code) {
        String candidate = code;
        do {
            candidate = String.format("%06d", (Integer.parseInt(candidate) + 1) % 1_000_000);
        } while (matchesAnyToleratedStep(candidate));
        return candidate;
    }

    private boolean matchesAnyToleratedStep(String candidate) {
        for (int offset = -1; offset <= 1; offset++) {
            if (codes.codeAt(secret, clock.instant().plus(AuthenticatorCodes.STEP.multipliedBy(offset))).equals(candidate)) {
                return true;
            }
        }
        return false;
    }
}
