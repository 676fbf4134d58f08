package org.mspportal.identity;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.TestClock;
import org.mspportal.shared.NotFound;
import org.mspportal.shared.RejectedInput;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Setting up and removing one's own authenticator app, the MSP's "require an app" policy, and a
 * colleague removing a lost app.
 */
@DatabaseTest
@Import(TestAccounts.class)
class AuthenticatorEnrolmentTests {

    @Autowired AuthenticatorEnrolment enrolment;
    @Autowired AuthenticatorPolicy policy;
    @Autowired AdministratorManagement administrators;
    @Autowired SignIn signIn;
    @Autowired TestAccounts testAccounts;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired FindByIndexNameSessionRepository<? extends Session> sessionRepository;

    UUID provider;
    Account admin;
    AuthenticatorCodes codes;

    @BeforeEach
    void signedInAsAnAdministratorWithoutAnApp() {
        provider = testAccounts.provider();
        admin = testAccounts.active(provider, Role.MSP_ADMINISTRATOR);
        codes = new AuthenticatorCodes(clock);
        TestAccounts.actAs(admin);
    }

    @AfterEach
    void signOut() {
        TestAccounts.actAsNobody();
    }

    @Test
    void theCurrentCodeOfTheNewSecretTurnsTheAppOn() {
        AuthenticatorSecret secret = AuthenticatorSecret.generate();

        enrolment.confirm(secret, codes.codeAt(secret, clock.instant()));

        assertThat(testAccounts.reload(admin).authenticator()).contains(secret);
        assertThat(enrolment.status().enrolled()).isTrue();
    }

    @Test
    void aWrongCodeIsRefusedBesideTheFieldAndStoresNothing() {
        AuthenticatorSecret secret = AuthenticatorSecret.generate();
        String wrong = aCodeTheAppDoesNotShow(secret);

        assertThatThrownBy(() -> enrolment.confirm(secret, wrong))
                .isInstanceOfSatisfying(RejectedInput.class, refused -> assertThat(refused.field()).isEqualTo("code"));
        assertThat(testAccounts.reload(admin).authenticator()).isEmpty();
    }

    @Test
    void somethingOtherThanSixDigitsIsRefused() {
        assertThatThrownBy(() -> enrolment.confirm(AuthenticatorSecret.generate(), "abc"))
                .isInstanceOf(RejectedInput.class)
                .hasMessageContaining("6-digit code");
    }

    @Test
    void theCodeThatConfirmedTheAppCannotAlsoSignIn() {
        AuthenticatorSecret secret = AuthenticatorSecret.generate();
        String code = codes.codeAt(secret, clock.instant());
        enrolment.confirm(secret, code);
        TestAccounts.actAsNobody();

        var needed = (SignIn.PasswordOutcome.SecondFactorNeeded) signIn.checkPassword(admin.email(),
                TestAccounts.PASSWORD);

        assertThat(signIn.checkCode(needed.attemptId(), code)).isInstanceOf(SignIn.CodeOutcome.Wrong.class);
    }

    @Test
    void settingUpIsAudited() {
        enrolWithAnApp();

        assertThat(auditedActions(admin)).contains("account.authenticator-enrolled");
    }

    @Test
    void aNewAppReplacesTheOldOne() {
        AuthenticatorSecret old = enrolWithAnApp();
        AuthenticatorSecret replacement = AuthenticatorSecret.generate();
        clock.advance(AuthenticatorCodes.STEP);

        enrolment.confirm(replacement, codes.codeAt(replacement, clock.instant()));

        assertThat(testAccounts.reload(admin).authenticator()).contains(replacement).isNotEqualTo(Optional.of(old));
    }

    @Test
    void removingTheAppReturnsToEmailedCodes() {
        enrolWithAnApp();

        enrolment.remove();

        assertThat(testAccounts.reload(admin).authenticator()).isEmpty();
        assertThat(auditedActions(admin)).contains("account.authenticator-removed");
    }

    @Test
    void removingOnesOwnAppIsRefusedWhenTheMspRequiresOne() {
        enrolWithAnApp();
        policy.require(true);

        assertThatThrownBy(() -> enrolment.remove())
                .isInstanceOf(RejectedInput.class)
                .hasMessageContaining("Your MSP requires an authenticator app");
        assertThat(testAccounts.reload(admin).authenticator()).isPresent();
    }

    @Test
    void theAppCannotBeRequiredBySomeoneWhoHasNone() {
        assertThatThrownBy(() -> policy.require(true))
                .isInstanceOfSatisfying(RejectedInput.class,
                        refused -> assertThat(refused.field()).isEqualTo("required"));
        assertThat(policy.overview().required()).isFalse();
    }

    @Test
    void theOverviewCountsActiveAdministratorsStillWithoutAnApp() {
        testAccounts.active(provider, Role.READ_ONLY_ADMINISTRATOR);
        enrolWithAnApp();

        policy.require(true);

        assertThat(policy.overview()).isEqualTo(new AuthenticatorPolicy.Overview(true, 1));
    }

    @Test
    void aReadOnlyAdministratorCannotChangeThePolicyButCanSetUpTheirOwnApp() {
        Account readOnly = testAccounts.active(provider, Role.READ_ONLY_ADMINISTRATOR);
        TestAccounts.actAs(readOnly);

        assertThatThrownBy(() -> policy.require(false)).isInstanceOf(AccessDeniedException.class);
        AuthenticatorSecret secret = AuthenticatorSecret.generate();
        enrolment.confirm(secret, codes.codeAt(secret, clock.instant()));
        assertThat(testAccounts.reload(readOnly).authenticator()).contains(secret);
    }

    @Test
    void whoMustSetUpAnAppAfterSigningInFollowsThePolicyAndTheirApp() {
        Account colleague = testAccounts.active(provider, Role.MSP_ADMINISTRATOR);
        enrolWithAnApp();
        assertThat(enrolment.mustEnrol(colleague.id())).as("before the policy").isFalse();

        policy.require(true);

        assertThat(enrolment.mustEnrol(colleague.id())).isTrue();
        assertThat(enrolment.mustEnrol(admin.id())).as("has an app").isFalse();
    }

    @Test
    void aColleagueRemovesALostAppAndEndsItsOwnersSessions() {
        Account colleague = testAccounts.active(provider, Role.MSP_ADMINISTRATOR);
        TestAccounts.actAs(colleague);
        enrolWithAnApp();
        String session = aStoredSessionOf(colleague);
        TestAccounts.actAs(admin);

        administrators.removeAuthenticator(colleague.id());

        assertThat(testAccounts.reload(colleague).authenticator()).isEmpty();
        assertThat(sessionRepository.findById(session)).isNull();
        assertThat(auditedActions(colleague)).contains("account.authenticator-removed");
    }

    @Test
    void nobodyRemovesTheirOwnAppThroughTheColleagueAction() {
        enrolWithAnApp();

        assertThatThrownBy(() -> administrators.removeAuthenticator(admin.id())).isInstanceOf(RejectedInput.class);
        assertThat(testAccounts.reload(admin).authenticator()).isPresent();
    }

    @Test
    void anAdministratorOfAnotherMspIsNotFound() {
        Account stranger = testAccounts.active(testAccounts.provider(), Role.MSP_ADMINISTRATOR);
        TestAccounts.actAs(stranger);
        enrolWithAnApp();
        TestAccounts.actAs(admin);

        assertThatThrownBy(() -> administrators.removeAuthenticator(stranger.id())).isInstanceOf(NotFound.class);
        assertThat(testAccounts.reload(stranger).authenticator()).isPresent();
    }

    @Test
    void aReadOnlyAdministratorCannotRemoveAColleaguesApp() {
        Account colleague = testAccounts.active(provider, Role.MSP_ADMINISTRATOR);
        TestAccounts.actAs(colleague);
        enrolWithAnApp();
        TestAccounts.actAs(testAccounts.active(provider, Role.READ_ONLY_ADMINISTRATOR));

        assertThatThrownBy(() -> administrators.removeAuthenticator(colleague.id()))
                .isInstanceOf(AccessDeniedException.class);
    }

    /** Sets up an app for whoever the test acts as. */
    private AuthenticatorSecret enrolWithAnApp() {
        AuthenticatorSecret secret = AuthenticatorSecret.generate();
        enrolment.confirm(secret, codes.codeAt(secret, clock.instant()));
        return secret;
    }

    private String aStoredSessionOf(Account account) {
        return storedSession(sessionRepository, account.id().toString());
    }

    private static <S extends Session> String storedSession(FindByIndexNameSessionRepository<S> repository,
            String principalName) {
        S session = repository.createSession();
        session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, principalName);
        repository.save(session);
        return session.getId();
    }

    /** Six digits that match none of the steps the check tolerates right now. */
    private String aCodeTheAppDoesNotShow(AuthenticatorSecret secret) {
        Set<String> shown = new HashSet<>();
        for (int offset = -1; offset <= 1; offset++) {
            shown.add(codes.codeAt(secret, clock.instant().plus(AuthenticatorCodes.STEP.multipliedBy(offset))));
        }
        int candidate = 0;
        while (shown.contains(String.format("%06d", candidate))) {
            candidate++;
        }
        return String.format("%06d", candidate);
    }

    private List<String> auditedActions(Account account) {
        return jdbc.sql("SELECT action FROM audit_entry WHERE object_id = :id ORDER BY id")
                .param("id", account.id().toString())
                .query(String.class)
                .list();
    }
}
