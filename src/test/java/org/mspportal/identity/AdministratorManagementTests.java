package org.mspportal.identity;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.Mailbox;
import org.mspportal.shared.NotFound;
import org.mspportal.shared.RejectedInput;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mspportal.identity.TestAccounts.actAs;

/** The rules of managing an MSP's administrators, through the façade, one per test. */
@DatabaseTest
@Import(TestAccounts.class)
class AdministratorManagementTests {

    @Autowired AdministratorManagement administrators;
    @Autowired SignIn signIn;
    @Autowired TestAccounts testAccounts;
    @Autowired JdbcClient jdbc;

    Mailbox mailbox;
    UUID msp;
    Account admin;

    @BeforeEach
    void anMspWithOneActiveMspAdministrator() {
        mailbox = new Mailbox(jdbc);
        msp = testAccounts.provider();
        admin = testAccounts.active(msp, Role.MSP_ADMINISTRATOR);
        actAs(admin);
    }

    @AfterEach
    void signOut() {
        TestAccounts.actAsNobody();
    }

    @Test
    void theLastActiveMspAdministratorCannotBeDeactivated() {
        testAccounts.active(msp, Role.READ_ONLY_ADMINISTRATOR);
        administrators.invite("newcomer-" + UUID.randomUUID() + "@msp.example", Role.MSP_ADMINISTRATOR);

        assertThatThrownBy(() -> administrators.deactivate(admin.id()))
                .isInstanceOf(RejectedInput.class)
                .hasMessageContaining("last active MSP administrator")
                .hasMessageContaining("cannot be deactivated");
        assertThat(testAccounts.reload(admin).status()).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void theLastActiveMspAdministratorCannotBeGivenAnotherRole() {
        assertThatThrownBy(() -> administrators.changeRole(admin.id(), Role.READ_ONLY_ADMINISTRATOR))
                .isInstanceOf(RejectedInput.class)
                .hasMessageContaining("last active MSP administrator")
                .hasMessageContaining("cannot be given another role");
        assertThat(testAccounts.reload(admin).role()).isEqualTo(Role.MSP_ADMINISTRATOR);
    }

    @Test
    void withASecondActiveMspAdministratorOneCanBeDeactivated() {
        Account colleague = testAccounts.active(msp, Role.MSP_ADMINISTRATOR);

        administrators.deactivate(colleague.id());

        assertThat(testAccounts.reload(colleague).status()).isEqualTo(AccountStatus.DEACTIVATED);
    }

    @Test
    void withASecondActiveMspAdministratorOneCanBeGivenAnotherRole() {
        testAccounts.active(msp, Role.MSP_ADMINISTRATOR);

        administrators.changeRole(admin.id(), Role.READ_ONLY_ADMINISTRATOR);

        assertThat(testAccounts.reload(admin).role()).isEqualTo(Role.READ_ONLY_ADMINISTRATOR);
    }

    @Test
    void aDeactivatedAdministratorCannotSignInEvenWithTheRightPassword() {
        Account colleague = testAccounts.active(msp, Role.MSP_ADMINISTRATOR);

        administrators.deactivate(colleague.id());

        assertThat(signIn.checkPassword(colleague.email(), TestAccounts.PASSWORD))
                .isInstanceOf(SignIn.PasswordOutcome.Refused.class);
    }

    @Test
    void aReactivatedAdministratorCanSignInAgain() {
        Account colleague = testAccounts.active(msp, Role.READ_ONLY_ADMINISTRATOR);
        administrators.deactivate(colleague.id());

        administrators.reactivate(colleague.id());

        assertThat(signIn.checkPassword(colleague.email(), TestAccounts.PASSWORD))
                .isInstanceOf(SignIn.PasswordOutcome.SecondFactorNeeded.class);
    }

    @Test
    void aColleagueUnlocksALockedAdministratorWhoReceivesAPasswordResetMail() {
        Account locked = lockedOut(testAccounts.active(msp, Role.READ_ONLY_ADMINISTRATOR));

        administrators.unlockAndSendPasswordReset(locked.id());

        assertThat(testAccounts.reload(locked).locked()).isFalse();
        Mailbox.Mail mail = mailbox.latestTo(locked.email());
        assertThat(mail.subject()).isEqualTo("Reset your MSP Portal password");
        assertThat(mail.text()).contains("A colleague unlocked your MSP Portal account");
        assertThat(mailbox.latestLinkPathTo(locked.email())).startsWith("/reset-password/");
    }

    @Test
    void nobodyCanUnlockThemselvesThatWay() {
        testAccounts.active(msp, Role.MSP_ADMINISTRATOR);
        lockedOut(admin);
        int mailsBefore = mailbox.to(admin.email()).size();

        assertThatThrownBy(() -> administrators.unlockAndSendPasswordReset(admin.id()))
                .isInstanceOf(RejectedInput.class)
                .hasMessageContaining("cannot unlock or reset your own account");
        assertThat(testAccounts.reload(admin).locked()).isTrue();
        assertThat(mailbox.to(admin.email())).hasSize(mailsBefore);
    }

    @Test
    void aReadOnlyAdministratorCannotUnlockAColleague() {
        Account locked = lockedOut(testAccounts.active(msp, Role.MSP_ADMINISTRATOR));
        actAs(testAccounts.active(msp, Role.READ_ONLY_ADMINISTRATOR));

        assertThatThrownBy(() -> administrators.unlockAndSendPasswordReset(locked.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(testAccounts.reload(locked).locked()).isTrue();
    }

    @Test
    void aReadOnlyAdministratorIsRefusedEveryChange() {
        Account target = lockedOut(testAccounts.active(msp, Role.MSP_ADMINISTRATOR));
        Account readOnly = testAccounts.active(msp, Role.READ_ONLY_ADMINISTRATOR);
        actAs(readOnly);

        assertRefusedEveryChange(target, readOnly);
    }

    @Test
    void aTenantAdministratorIsRefusedEveryChange() {
        Account target = lockedOut(testAccounts.active(msp, Role.MSP_ADMINISTRATOR));
        Account tenantAdmin = testAccounts.active(msp, Role.TENANT_ADMINISTRATOR);
        actAs(tenantAdmin);

        assertRefusedEveryChange(target, tenantAdmin);
    }

    @Test
    void aReadOnlyAdministratorSeesTheList() {
        actAs(testAccounts.active(msp, Role.READ_ONLY_ADMINISTRATOR));

        assertThat(administrators.list()).extracting(Administrator::id).contains(admin.id());
    }

    @Test
    void anotherMspsAdministratorIsNotFoundForAnyAction() {
        Account theirs = lockedOut(testAccounts.active(testAccounts.provider(), Role.MSP_ADMINISTRATOR));
        testAccounts.active(msp, Role.MSP_ADMINISTRATOR);

        Map<String, ThrowingCallable> actions = Map.of(
                "get", () -> administrators.get(theirs.id()),
                "deactivate", () -> administrators.deactivate(theirs.id()),
                "reactivate", () -> administrators.reactivate(theirs.id()),
                "changeRole", () -> administrators.changeRole(theirs.id(), Role.READ_ONLY_ADMINISTRATOR),
                "resendInvitation", () -> administrators.resendInvitation(theirs.id()),
                "unlock", () -> administrators.unlockAndSendPasswordReset(theirs.id()));

        actions.forEach((name, action) -> assertThatThrownBy(action).as(name).isInstanceOf(NotFound.class));
        Account unchanged = testAccounts.reload(theirs);
        assertThat(unchanged.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(unchanged.role()).isEqualTo(Role.MSP_ADMINISTRATOR);
        assertThat(unchanged.locked()).isTrue();
    }

    @Test
    void theListHoldsOnlyTheMspsOwnAdministratorsSortedByEmail() {
        Account theirs = testAccounts.active(testAccounts.provider(), Role.MSP_ADMINISTRATOR);
        Account colleague = testAccounts.active(msp, Role.TENANT_ADMINISTRATOR);

        List<Administrator> listed = administrators.list();

        assertThat(listed).extracting(Administrator::id)
                .containsExactlyInAnyOrder(admin.id(), colleague.id())
                .doesNotContain(theirs.id());
        assertThat(listed).extracting(Administrator::email).isSorted();
    }

    @Test
    void anInvitationMailsAnActivationLinkAndIsAudited() {
        String email = "Newcomer-" + UUID.randomUUID() + "@MSP.example";

        Administrator invited = administrators.invite(email, Role.READ_ONLY_ADMINISTRATOR);

        assertThat(invited.email()).isEqualTo(email.toLowerCase());
        assertThat(invited.status()).isEqualTo(AccountStatus.INVITED);
        assertThat(mailbox.latestTo(invited.email()).subject()).isEqualTo("Activate your MSP Portal account");
        assertThat(mailbox.latestLinkPathTo(invited.email())).startsWith("/activate/");
        var entry = jdbc.sql("""
                SELECT action, actor, provider_id, summary FROM audit_entry
                 WHERE object_type = 'account' AND object_id = :id""")
                .param("id", invited.id().toString())
                .query((rs, n) -> List.of(rs.getString("action"), rs.getString("actor"),
                        rs.getObject("provider_id", UUID.class).toString(), rs.getString("summary")))
                .single();
        assertThat(entry).containsExactly("administrator.invited", admin.email(), msp.toString(),
                "Invited " + invited.email() + " as Read-only administrator");
    }

    @Test
    void anEmailThatAlreadyHasAnAccountCannotBeInvited() {
        Account elsewhere = testAccounts.active(testAccounts.provider(), Role.MSP_ADMINISTRATOR);

        assertThatThrownBy(() -> administrators.invite(elsewhere.email().toUpperCase(), Role.MSP_ADMINISTRATOR))
                .isInstanceOfSatisfying(RejectedInput.class, rejected -> {
                    assertThat(rejected.field()).isEqualTo("email");
                    assertThat(rejected.getMessage()).contains("already has an MSP Portal account");
                });
    }

    @Test
    void nobodyIsInvitedAsPlatformOperator() {
        assertThatThrownBy(() -> administrators.invite("op-" + UUID.randomUUID() + "@msp.example", Role.OPERATOR))
                .isInstanceOfSatisfying(RejectedInput.class, rejected -> assertThat(rejected.field()).isEqualTo("role"));
    }

    @Test
    void aResentInvitationVoidsTheEarlierLink() {
        Administrator invited = administrators.invite("late-" + UUID.randomUUID() + "@msp.example",
                Role.MSP_ADMINISTRATOR);
        String first = mailbox.latestLinkTokenTo(invited.email());

        administrators.resendInvitation(invited.id());

        String second = mailbox.latestLinkTokenTo(invited.email());
        assertThat(second).isNotEqualTo(first);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM account_token WHERE account_id = :id AND used_at IS NULL")
                .param("id", invited.id()).query(Long.class).single()).isEqualTo(1);
    }

    private void assertRefusedEveryChange(Account target, Account caller) {
        Map<String, ThrowingCallable> changes = Map.of(
                "invite", () -> administrators.invite("x-" + UUID.randomUUID() + "@msp.example", Role.MSP_ADMINISTRATOR),
                "deactivate", () -> administrators.deactivate(target.id()),
                "reactivate", () -> administrators.reactivate(target.id()),
                "changeRole", () -> administrators.changeRole(target.id(), Role.READ_ONLY_ADMINISTRATOR),
                "changeOwnRole", () -> administrators.changeRole(caller.id(), Role.MSP_ADMINISTRATOR),
                "resendInvitation", () -> administrators.resendInvitation(target.id()),
                "unlock", () -> administrators.unlockAndSendPasswordReset(target.id()));

        changes.forEach((name, change) -> assertThatThrownBy(change).as(name)
                .isInstanceOf(AccessDeniedException.class));
        Account unchanged = testAccounts.reload(target);
        assertThat(unchanged.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(unchanged.role()).isEqualTo(Role.MSP_ADMINISTRATOR);
        assertThat(unchanged.locked()).isTrue();
        assertThat(administrators.list()).hasSize(3);
    }

    /** Five wrong passwords in a row, as a forgetful owner or a guesser would type them. */
    private Account lockedOut(Account account) {
        for (int i = 0; i < 5; i++) {
            signIn.checkPassword(account.email(), "not the password " + i);
        }
        Account locked = testAccounts.reload(account);
        assertThat(locked.locked()).isTrue();
        return locked;
    }
}
