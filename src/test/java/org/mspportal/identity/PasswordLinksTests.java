package org.mspportal.identity;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.Mailbox;
import org.mspportal.TestClock;
import org.mspportal.shared.RejectedInput;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Activation and password-reset links: single use, expiring, stored only as a fingerprint. */
@DatabaseTest
@Import(TestAccounts.class)
class PasswordLinksTests {

    private static final String NEW_PASSWORD = "a quiet harbour at dawn";

    @Autowired PasswordLinks passwordLinks;
    @Autowired SignIn signIn;
    @Autowired Accounts accounts;
    @Autowired TestAccounts testAccounts;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;

    Mailbox mailbox;
    Account invited;

    @BeforeEach
    void anInvitedAdministrator() {
        mailbox = new Mailbox(jdbc);
        invited = Account.invited(Optional.of(testAccounts.provider()), "new-" + UUID.randomUUID() + "@msp.example",
                "New administrator", Role.MSP_ADMINISTRATOR, clock.instant());
        accounts.add(invited);
        passwordLinks.sendActivation(invited);
    }

    @Test
    void theActivationLinkSetsThePasswordAndActivatesTheAccount() {
        String token = mailbox.latestLinkTokenTo(invited.email());

        passwordLinks.choosePassword(token, AccountLinks.Purpose.ACTIVATION, NEW_PASSWORD, NEW_PASSWORD);

        assertThat(accounts.find(invited.id()).orElseThrow().status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(signIn.checkPassword(invited.email(), NEW_PASSWORD))
                .isInstanceOf(SignIn.PasswordOutcome.SecondFactorNeeded.class);
    }

    @Test
    void onlyTheTokensFingerprintIsStored() {
        String token = mailbox.latestLinkTokenTo(invited.email());

        String stored = jdbc.sql("SELECT token_hash FROM account_token WHERE account_id = :id")
                .param("id", invited.id()).query(String.class).single();
        assertThat(stored).isEqualTo(Secrets.sha256(token)).doesNotContain(token);
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
    }

    @Test
    void aLinkWorksOnce() {
        String token = mailbox.latestLinkTokenTo(invited.email());
        passwordLinks.choosePassword(token, AccountLinks.Purpose.ACTIVATION, NEW_PASSWORD, NEW_PASSWORD);

        assertThat(passwordLinks.stateOf(token, AccountLinks.Purpose.ACTIVATION)).isEqualTo(PasswordLinks.LinkState.USED);
        assertThatThrownBy(() -> passwordLinks.choosePassword(token, AccountLinks.Purpose.ACTIVATION,
                "another harbour at dusk", "another harbour at dusk")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anActivationLinkExpiresAfter72Hours() {
        String token = mailbox.latestLinkTokenTo(invited.email());
        clock.advance(Duration.ofHours(71));
        assertThat(passwordLinks.stateOf(token, AccountLinks.Purpose.ACTIVATION)).isEqualTo(PasswordLinks.LinkState.USABLE);

        clock.advance(Duration.ofHours(1));

        assertThat(passwordLinks.stateOf(token, AccountLinks.Purpose.ACTIVATION)).isEqualTo(PasswordLinks.LinkState.EXPIRED);
    }

    @Test
    void anExpiredActivationLinkCanAskForAFreshOneMailedToTheSameAddress() {
        String expired = mailbox.latestLinkTokenTo(invited.email());
        clock.advance(Duration.ofHours(73));

        assertThat(passwordLinks.resendActivation(expired)).isTrue();

        String fresh = mailbox.latestLinkTokenTo(invited.email());
        assertThat(fresh).isNotEqualTo(expired);
        assertThat(passwordLinks.stateOf(fresh, AccountLinks.Purpose.ACTIVATION)).isEqualTo(PasswordLinks.LinkState.USABLE);
    }

    @Test
    void aNewLinkReplacesTheEarlierOne() {
        String first = mailbox.latestLinkTokenTo(invited.email());
        passwordLinks.sendActivation(invited);

        assertThat(passwordLinks.stateOf(first, AccountLinks.Purpose.ACTIVATION)).isNotEqualTo(PasswordLinks.LinkState.USABLE);
    }

    @Test
    void aCommonPasswordIsRefusedAndTheLinkStaysUsable() {
        String token = mailbox.latestLinkTokenTo(invited.email());

        assertThatThrownBy(() -> passwordLinks.choosePassword(token, AccountLinks.Purpose.ACTIVATION,
                "password1234", "password1234"))
                .isInstanceOfSatisfying(RejectedInput.class, rejected -> assertThat(rejected.field()).isEqualTo("password"));
        assertThat(passwordLinks.stateOf(token, AccountLinks.Purpose.ACTIVATION)).isEqualTo(PasswordLinks.LinkState.USABLE);
    }

    @Test
    void aMistypedConfirmationIsRefused() {
        String token = mailbox.latestLinkTokenTo(invited.email());

        assertThatThrownBy(() -> passwordLinks.choosePassword(token, AccountLinks.Purpose.ACTIVATION, NEW_PASSWORD,
                NEW_PASSWORD + "!"))
                .isInstanceOfSatisfying(RejectedInput.class,
                        rejected -> assertThat(rejected.field()).isEqualTo("confirmation"));
    }

    @Test
    void anActivationTokenIsNoPasswordResetToken() {
        String token = mailbox.latestLinkTokenTo(invited.email());

        assertThat(passwordLinks.stateOf(token, AccountLinks.Purpose.PASSWORD_RESET)).isEqualTo(PasswordLinks.LinkState.UNKNOWN);
    }

    @Test
    void forgotPasswordMailsAResetLinkThatAlsoUnlocksTheAccount() {
        Account locked = testAccounts.active(testAccounts.provider(), Role.MSP_ADMINISTRATOR);
        accounts.lock(locked.id(), clock.instant());

        passwordLinks.requestPasswordReset(locked.email().toUpperCase());
        String token = mailbox.latestLinkTokenTo(locked.email());
        passwordLinks.choosePassword(token, AccountLinks.Purpose.PASSWORD_RESET, NEW_PASSWORD, NEW_PASSWORD);

        assertThat(accounts.find(locked.id()).orElseThrow().locked()).isFalse();
        assertThat(signIn.checkPassword(locked.email(), NEW_PASSWORD))
                .isInstanceOf(SignIn.PasswordOutcome.SecondFactorNeeded.class);
    }

    @Test
    void forgotPasswordForAnUnknownEmailSendsNothing() {
        String unknown = "nobody-" + UUID.randomUUID() + "@msp.example";

        passwordLinks.requestPasswordReset(unknown);

        assertThat(mailbox.to(unknown)).isEmpty();
    }
}
