package org.mspportal.identity;

import org.mspportal.Mailbox;
import org.mspportal.PortalClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Signs a {@link PortalClient} in through the real three steps, reading the code from the outbox. */
record HttpSignIn(PortalClient browser, Mailbox mailbox) {

    /** Completes all three steps; returns the final redirect. */
    PortalClient.Page signIn(Account account) {
        startWithEmail(account);
        PortalClient.Page done = passPasswordAndCode(account);
        assertThat(done.status()).as("signed in with a redirect").isEqualTo(302);
        return done;
    }

    void startWithEmail(Account account) {
        browser.get("/sign-in");
        browser.post("/sign-in", "email", account.email());
    }

    PortalClient.Page passPassword() {
        browser.get("/sign-in/password");
        return browser.post("/sign-in/password", "password", TestAccounts.PASSWORD);
    }

    PortalClient.Page passPasswordAndCode(Account account) {
        assertThat(passPassword().redirectsTo("/sign-in/code")).as("password accepted").isTrue();
        browser.get("/sign-in/code");
        return browser.post("/sign-in/code", "code", mailbox.latestCodeTo(account.email()));
    }
}
