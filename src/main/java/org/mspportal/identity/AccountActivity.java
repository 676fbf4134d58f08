package org.mspportal.identity;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.mspportal.shared.Auditable;

/**
 * Something that happened to an administrator's or operator's account, for the audit log. The
 * factory methods name the events; {@code actor} is set where nobody is signed in yet (sign-in
 * steps, links from emails), so the entry names whose account it was.
 */
record AccountActivity(String action, UUID accountId, Optional<UUID> providerId, String summary,
        Map<String, Object> details, Optional<String> actor) implements Auditable {

    static AccountActivity invited(Account account) {
        return of("administrator.invited", account, "Invited " + account.email() + " as " + account.role().label(),
                Map.of("role", account.role().name()));
    }

    static AccountActivity activated(Account account) {
        return self("account.activated", account, account.email() + " chose a password and activated the account");
    }

    static AccountActivity passwordReset(Account account) {
        return self("account.password-reset", account, account.email() + " set a new password from a reset link");
    }

    static AccountActivity signedIn(Account account, String method) {
        return new AccountActivity("account.signed-in", account.id(), account.providerId(),
                account.email() + " signed in with " + method, Map.of("method", method), Optional.of(account.email()));
    }

    static AccountActivity locked(Account account, int failures) {
        return new AccountActivity("account.locked", account.id(), account.providerId(),
                account.email() + " was locked after " + failures + " wrong passwords", Map.of("failures", failures),
                Optional.of(account.email()));
    }

    static AccountActivity unlocked(Account account) {
        return of("account.unlocked", account, "Unlocked " + account.email() + " and sent a password-reset link",
                Map.of());
    }

    static AccountActivity deactivated(Account account) {
        return of("administrator.deactivated", account, "Deactivated " + account.email(), Map.of());
    }

    static AccountActivity reactivated(Account account) {
        return of("administrator.reactivated", account, "Reactivated " + account.email(), Map.of());
    }

    static AccountActivity roleChanged(Account account, Role to) {
        return of("administrator.role-changed", account, "Changed " + account.email() + " to " + to.label(),
                Map.of("before", account.role().name(), "after", to.name()));
    }

    static AccountActivity invitationResent(Account account) {
        return of("administrator.invitation-resent", account, "Sent " + account.email() + " a new activation link",
                Map.of());
    }

    static AccountActivity signedOutEverywhere(Account account) {
        return of("account.signed-out-everywhere", account, account.email() + " ended all their sessions", Map.of());
    }

    static AccountActivity authenticatorEnrolled(Account account) {
        return of("account.authenticator-enrolled", account, account.email() + " set up an authenticator app",
                Map.of());
    }

    static AccountActivity authenticatorRemoved(Account account) {
        return of("account.authenticator-removed", account, "Removed the authenticator app of " + account.email(),
                Map.of());
    }

    private static AccountActivity of(String action, Account account, String summary, Map<String, Object> details) {
        return new AccountActivity(action, account.id(), account.providerId(), summary, details, Optional.empty());
    }

    private static AccountActivity self(String action, Account account, String summary) {
        return new AccountActivity(action, account.id(), account.providerId(), summary, Map.of(),
                Optional.of(account.email()));
    }

    @Override
    public String objectType() {
        return "account";
    }

    @Override
    public String objectId() {
        return accountId.toString();
    }
}
